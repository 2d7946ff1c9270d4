// The recipes, run as written against the real libraries and test runners
// (devDependencies): each from a fresh folder whose node_modules holds
// close-range and the library, as an installed app's would, from bash with
// fds 20 and 251 leaked to it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeBlocks } from '../helpers/markdown.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const recipes = readFileSync(join(root, 'docs', 'recipes.md'), 'utf8');
const LEAKS = 'exec 20</dev/null 251</dev/null; ';

/** The code blocks of the recipe under `## heading`, of language `lang`. */
function blocks(heading, lang) {
  const start = recipes.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `no recipe for ${heading}`);
  const end = recipes.indexOf('\n## ', start + 1);
  return codeBlocks(recipes.slice(start, end === -1 ? undefined : end)).filter((block) => block.lang === lang).map(({ code }) => code);
}

/** The recipe's shell line that starts with `prefix`. */
function commandLine(heading, prefix) {
  const line = blocks(heading, 'sh').flatMap((code) => code.split('\n')).find((candidate) => candidate.startsWith(prefix));
  assert.ok(line, `the ${heading} recipe has no line starting with ${prefix}`);
  return line.replace(/ +#.*$/, '');
}

const folders = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A fresh app folder with close-range and `packages` installed (linked) in node_modules, and `files` written. */
function app(packages, files) {
  const folder = mkdtempSync(join(tmpdir(), 'close-range-recipe-'));
  folders.push(folder);
  mkdirSync(join(folder, 'node_modules'));
  symlinkSync(root, join(folder, 'node_modules', 'close-range'));
  mkdirSync(join(folder, 'node_modules', '.bin'));
  for (const name of packages) {
    symlinkSync(join(root, 'node_modules', name), join(folder, 'node_modules', name));
    if (existsSync(join(root, 'node_modules', '.bin', name))) {
      symlinkSync(join(root, 'node_modules', '.bin', name), join(folder, 'node_modules', '.bin', name)); // npx finds it there
    }
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

// Without it, a `node --test` inside this test reports to the runner, not to its stdout.
const { NODE_TEST_CONTEXT, CLOSE_RANGE_TRACE, ...baseEnv } = process.env;
const PATH = `${dirname(process.execPath)}:${process.env.PATH}`;

/** Runs `command` in bash in `folder`, with the leaked fds open and this node first on PATH. */
function run(folder, command) {
  const child = spawnSync('bash', ['-c', LEAKS + command], {
    cwd: folder,
    env: { ...baseEnv, PATH },
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(child.signal, null, `${command} was killed\n${child.stdout}\n${child.stderr}`);
  return child;
}

const fdNumbers = (stdout) => stdout.split('\n').filter(Boolean).map(Number);
/** `N -> target` lines of `ls -l /proc/self/fd`, as a Map. */
const lsTargets = (text) => new Map([...text.matchAll(/ (\d+) -> (.+)$/gm)].map(([, fd, target]) => [Number(fd), target]));

describe('the recipes for libraries that start children', () => {
  test('execa under close-range/register: ls gets 0-2 and the log as fd 3, nothing the shell leaked', () => {
    const [code] = blocks('execa', 'js');
    const folder = app(['execa'], { 'package.json': '{ "type": "module" }\n', 'app.js': code });
    const { status, stdout, stderr } = run(folder, commandLine('execa', 'node --import close-range/register'));
    assert.equal(status, 0, stderr);
    const targets = lsTargets(stdout);
    assert.deepEqual([...targets.keys()].sort((a, b) => a - b), [0, 1, 2, 3, 4], stdout);
    assert.equal(targets.get(3), join(folder, 'app.log'));
    assert.match(targets.get(4), /^\/proc\/\d+\/fd$/); // ls reading the directory
  });

  test('execa without the flag leaks the shell\'s fds into ls: what the recipe removes', () => {
    const [code] = blocks('execa', 'js');
    const folder = app(['execa'], { 'package.json': '{ "type": "module" }\n', 'app.js': code });
    const { status, stdout, stderr } = run(folder, 'node app.js');
    assert.equal(status, 0, stderr);
    assert.ok(lsTargets(stdout).has(20) && lsTargets(stdout).has(251), stdout);
  });

  test('cross-spawn under close-range/register, and the drop-in without it: ls gets 0-3 only', () => {
    const [registered, dropIn] = blocks('cross-spawn', 'js');
    assert.ok(dropIn, 'the recipe shows no drop-in');
    const folder = app(['cross-spawn'], { 'package.json': '{ "type": "module" }\n', 'app.js': registered, 'drop-in.js': dropIn });
    const underRegister = run(folder, commandLine('cross-spawn', 'node --import close-range/register'));
    assert.equal(underRegister.status, 0, underRegister.stderr);
    assert.deepEqual(fdNumbers(underRegister.stdout), [0, 1, 2, 3]);
    const plain = run(folder, 'node drop-in.js');
    assert.equal(plain.status, 0, plain.stderr);
    assert.deepEqual(fdNumbers(plain.stdout), [0, 1, 2, 3]);
    const unchanged = run(folder, 'node app.js');
    assert.ok(fdNumbers(unchanged.stdout).includes(251), `cross-spawn alone leaked nothing: ${unchanged.stdout}`);
  });

  test('zx under close-range/register, and with the drop-ins without it: ls gets 0-3 only', () => {
    const [registered, dropIn] = blocks('zx', 'js');
    assert.ok(dropIn, 'the recipe shows no drop-in');
    const folder = app(['zx'], { 'script.mjs': registered, 'drop-in.mjs': dropIn });
    const underRegister = run(folder, commandLine('zx', 'node --import close-range/register'));
    assert.equal(underRegister.status, 0, underRegister.stderr);
    assert.deepEqual(fdNumbers(underRegister.stdout), [0, 1, 2, 3]);
    const plain = run(folder, 'node drop-in.mjs');
    assert.equal(plain.status, 0, plain.stderr);
    assert.deepEqual(fdNumbers(plain.stdout), [0, 1, 2, 3]);
    const unchanged = run(folder, 'node script.mjs');
    assert.ok(fdNumbers(unchanged.stdout).includes(251), `zx alone leaked nothing: ${unchanged.stdout}`);
  });
});

/** The recipe's test with its close taken out, so that it leaks the file it opens. */
function leaking(code) {
  const changed = code.replace(/^\s*closeSync\(fd\);\n/m, '').replace(/closeSync\((openSync\([^)]*\))\)/, '$1');
  assert.notEqual(changed, code, 'found no closeSync to take out');
  return changed;
}

/** A leak report that names /etc/hostname and, traced, the line of `file` that opened it. */
function assertReportsLeak(message, { tracedIn } = {}) {
  assert.match(message, /ERR_FD_LEAK|file descriptors? (was|were) left open/);
  assert.match(message, /fd \d+: file \/etc\/hostname/);
  if (tracedIn) assert.match(message, new RegExp(`\\(from fs\\.openSync at ${tracedIn.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+\\)`));
}

describe('the recipes for test runners', () => {
  const tap = (stdout, name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(stdout)?.[1]);

  test('node:test: the recipe passes, and without its close fails with the line that opened the file', () => {
    const [code] = blocks('node:test', 'js');
    const folder = app([], { 'host-name.test.mjs': code, 'leak.test.mjs': leaking(code) });
    const clean = run(folder, `${commandLine('node:test', 'node --test')} --test-reporter=tap host-name.test.mjs`);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.equal(tap(clean.stdout, 'pass'), 1, clean.stdout);
    const leak = run(folder, `${commandLine('node:test', 'CLOSE_RANGE_TRACE=1 node --test')} --test-reporter=tap leak.test.mjs`);
    assert.equal(tap(leak.stdout, 'fail'), 1, leak.stdout + leak.stderr);
    assertReportsLeak(leak.stdout, { tracedIn: join(folder, 'leak.test.mjs') });
  });

  /** vitest's JSON report of `command` in `folder`. */
  function vitest(folder, command) {
    const output = join(folder, 'report.json');
    const { stdout, stderr } = run(folder, `${command} --reporter=json --outputFile=${output}`);
    assert.ok(existsSync(output), `vitest wrote no report\n${stdout}\n${stderr}`);
    return JSON.parse(readFileSync(output, 'utf8'));
  }
  const vitestFailures = (report) => report.testResults.flatMap(({ assertionResults }) => assertionResults.flatMap(({ failureMessages }) => failureMessages));

  for (const [pool, prefix] of [['forks', 'npx vitest run --pool=forks'], ['threads', 'CLOSE_RANGE_TRACE=1 npx vitest run --pool=threads']]) {
    test(`vitest, ${prefix}: the recipe passes, and without its close fails naming the file`, () => {
      const [code] = blocks('vitest', 'js');
      const command = commandLine('vitest', prefix);
      const clean = vitest(app(['vitest'], { 'host-name.test.js': code, 'package.json': '{ "type": "module" }\n' }), command);
      assert.equal(clean.numPassedTests, 1, JSON.stringify(clean.testResults));
      assert.equal(clean.numFailedTests, 0);
      const leakFolder = app(['vitest'], { 'leak.test.js': leaking(code), 'package.json': '{ "type": "module" }\n' });
      const leak = vitest(leakFolder, command);
      assert.equal(leak.numFailedTests, 1, JSON.stringify(leak.testResults));
      const [message] = vitestFailures(leak);
      assertReportsLeak(message, pool === 'threads' ? { tracedIn: join(leakFolder, 'leak.test.js') } : {});
    });
  }

  test('vitest\'s threads pool without tracing refuses the recipe\'s check, saying to use forks', () => {
    const [code] = blocks('vitest', 'js');
    const report = vitest(app(['vitest'], { 'host-name.test.js': code, 'package.json': '{ "type": "module" }\n' }), 'npx vitest run --pool=threads');
    assert.equal(report.numFailedTests, 1);
    assert.match(vitestFailures(report)[0], /--pool=forks/);
  });

  /** jest's JSON report of `command` in `folder`. */
  function jest(folder, command) {
    const output = join(folder, 'report.json');
    const { stdout, stderr } = run(folder, `${command} --ci --json --outputFile=${output}`);
    assert.ok(existsSync(output), `jest wrote no report\n${stdout}\n${stderr}`);
    return JSON.parse(readFileSync(output, 'utf8'));
  }

  test('jest: the CommonJS recipe passes, and without its close fails with the line that opened the file', () => {
    const [code] = blocks('jest', 'js');
    const packageJson = '{ "name": "app", "private": true }\n';
    const clean = jest(app(['jest'], { 'package.json': packageJson, 'host-name.test.js': code }), commandLine('jest', 'npx jest'));
    assert.equal(clean.numPassedTests, 1, JSON.stringify(clean.testResults));
    assert.equal(clean.numFailedTests, 0);
    const leakFolder = app(['jest'], { 'package.json': packageJson, 'leak.test.js': leaking(code) });
    const leak = jest(leakFolder, commandLine('jest', 'CLOSE_RANGE_TRACE=1 npx jest'));
    assert.equal(leak.numFailedTests, 1, JSON.stringify(leak.testResults));
    assertReportsLeak(leak.testResults[0].assertionResults[0].failureMessages[0], { tracedIn: join(leakFolder, 'leak.test.js') });
  });
});
