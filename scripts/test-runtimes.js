// npm run test:runtimes [-- ID...]: installs each runtime of the matrix
// (once, into .runtimes/) and runs the tests that apply to it. A runtime that
// cannot be installed fails the run; nothing is skipped.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRuntime, runtimeById } from './runtimes/install.js';
import { RUNTIMES } from './runtimes/matrix.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNTIME_TESTS_DIR = 'test/runtimes';

const ids = process.argv.slice(2);
let runtimes;
try {
  runtimes = ids.length > 0 ? ids.map(runtimeById) : RUNTIMES;
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const results = [];
for (const runtime of runtimes) results.push(await testRuntime(runtime));

console.log('\nruntime      version     seconds  passed  failed');
for (const { id, version, seconds, passed, failed, error } of results) {
  const row = `${id.padEnd(12)} ${version.padEnd(11)} ${seconds.toFixed(1).padStart(7)} ${String(passed).padStart(7)} ${String(failed).padStart(7)}`;
  console.log(error ? `${row}  ${error}` : row);
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

async function testRuntime(runtime) {
  const started = performance.now();
  const done = (counts) => ({ id: runtime.id, version: runtime.version, seconds: (performance.now() - started) / 1000, ...counts });
  console.log(`\n== ${runtime.id} ${runtime.version}`);
  let binary;
  try {
    binary = ensureRuntime(runtime.id, (line) => console.log(line));
  } catch (error) {
    console.error(error.message);
    return done({ passed: 0, failed: 1, error: 'not installed' });
  }
  const { command, args, env } = testCommand(runtime, binary);
  const { status, output } = await run(command, args, env);
  const counts = countResults(output);
  if (status !== 0 && counts.failed === 0) counts.failed = 1; // crashed before reporting
  return done(counts);
}

function testCommand(runtime, binary) {
  if (runtime.kind === 'node') {
    // Children started as `node` by name get the same version.
    const env = { ...process.env, PATH: `${dirname(binary)}:${process.env.PATH}` };
    return { command: binary, args: testRunnerArgs([...suiteFiles(), ...runtime.runtimeTests]), env };
  }
  const env = { ...process.env, CLOSE_RANGE_RUNTIME_ID: runtime.id, CLOSE_RANGE_FIXTURE_RUNTIME: JSON.stringify(runtime.command(binary)) };
  return { command: process.execPath, args: testRunnerArgs([...runtime.runtimeTests, ...runtime.fixtureTests]), env };
}

function testRunnerArgs(files) {
  return ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files];
}

/** Every test file of `npm test`: the runtime tests run only here, once per runtime. */
function suiteFiles() {
  return readdirSync(join(ROOT, 'test'), { recursive: true })
    .map((name) => join('test', name))
    .filter((path) => path.endsWith('.test.js') && !path.startsWith(RUNTIME_TESTS_DIR))
    .sort();
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => resolve({ status, output }));
    child.on('error', (error) => resolve({ status: 1, output: `${error.message}\n` }));
  });
}

function countResults(output) {
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') };
}
