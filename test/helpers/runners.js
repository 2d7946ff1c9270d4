// Runs the small suites under test/fixtures/runners with a real test runner,
// in a process of its own, and reads back each test's outcome: its name,
// whether it passed, and the code and message of what failed it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const suite = (runner) => join(root, 'test/fixtures/runners', runner);
const CASES = join(root, 'test/fixtures/runners/cases.cjs');

/** The environment of a run, with fd tracing on or off whatever the caller's is. */
function environment(trace) {
  // NODE_TEST_CONTEXT would make the inner node --test report to this runner instead of running its files.
  const { CLOSE_RANGE_TRACE, NODE_TEST_CONTEXT, ...env } = process.env;
  return trace ? { ...env, CLOSE_RANGE_TRACE: '1' } : env;
}

function run(runner, args, trace) {
  const child = spawnSync(process.execPath, args, { cwd: suite(runner), env: environment(trace), encoding: 'utf8', timeout: 300_000 });
  assert.equal(child.signal, null, `${runner} was killed by ${child.signal}\n${child.stdout}\n${child.stderr}`);
  return child;
}

const jsonLines = (text) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));

export function runNodeTest({ trace }) {
  const { stdout, stderr } = run('node-test', ['--test', '--test-reporter=./json-reporter.js', 'leaks.spec.js'], trace);
  return nonEmpty(jsonLines(stdout), stderr);
}

export function runVitest({ pool, trace }) {
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const { stdout, stderr } = run('vitest', [vitest, 'run', `--pool=${pool}`, '--maxWorkers=2', '--reporter=./json-reporter.js'], trace);
  return nonEmpty(jsonLines(stdout), stderr);
}

export function runJest({ trace }) {
  const jest = join(root, 'node_modules/jest/bin/jest.js');
  const output = join(mkdtempSync(join(tmpdir(), 'close-range-jest-')), 'results.json');
  const { stderr } = run('jest', [jest, '--config', 'jest.config.cjs', '--ci', '--json', `--outputFile=${output}`], trace);
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    return nonEmpty(report.testResults.flatMap(({ assertionResults }) => assertionResults.map(({ title, status, failureDetails, failureMessages }) => ({
      name: title,
      passed: status === 'passed',
      code: failureDetails[0]?.code,
      message: failureMessages[0],
    }))), stderr);
  } finally {
    rmSync(join(output, '..'), { recursive: true });
  }
}

function nonEmpty(results, stderr) {
  assert.ok(results.length > 0, `the runner reported no test\n${stderr}`);
  return results;
}

/** `cases.cjs:<line>:` of the leaking case, as tracing names it. */
export function leakLine() {
  const index = readFileSync(CASES, 'utf8').split('\n').findIndex((line) => line.endsWith('// opens: the leak'));
  assert.ok(index >= 0, 'cases.cjs marks no leaking line');
  return `${CASES}:${index + 1}:`;
}

/** The leaking test failed with ERR_FD_LEAK naming the file (and, traced, its line); every other test passed. */
export function assertOneLeakReported(results, { trace }) {
  const leaking = results.filter(({ name }) => name === 'leaves a file open');
  assert.equal(leaking.length, 1, JSON.stringify(results));
  const [{ passed, code, message }] = leaking;
  assert.equal(passed, false);
  assert.equal(code, 'ERR_FD_LEAK', message);
  assert.match(message, /fd \d+: file \/etc\/hostname/);
  if (trace) assert.ok(message.includes(`(from fs.openSync at ${leakLine()}`), message);
  else assert.doesNotMatch(message, /\(from /);
  const others = results.filter(({ name }) => name !== 'leaves a file open');
  assert.ok(others.length >= 5, `only ${others.length} clean tests ran`);
  for (const { name, passed, message: failure } of others) assert.equal(passed, true, `${name}: ${failure}`);
}

/** Every test, the clean ones included, was refused as unreliable, with the advice to use forks. */
export function assertAllRefused(results) {
  for (const { name, passed, code, message } of results) {
    assert.equal(passed, false, `${name} passed`);
    assert.equal(code, 'ERR_FD_LEAK_CHECK_UNRELIABLE', `${name}: ${message}`);
    assert.match(message, /--pool=forks/);
  }
}
