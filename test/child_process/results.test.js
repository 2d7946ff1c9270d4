// The seven functions return and fail exactly like node:child_process's:
// same objects, same promisify results, same error fields.
import assert from 'node:assert/strict';
import * as node from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { promisify } from 'node:util';
import * as ours from '../../dist/child_process/index.js';

const MISSING = 'close-range-no-such-program';
const SHELL_OUTPUT = ['sh', ['-c', 'echo out; echo err >&2']];
const ERROR_FIELDS = ['code', 'errno', 'syscall', 'path', 'spawnargs', 'status', 'signal', 'killed', 'cmd', 'stdout', 'stderr'];
const fieldsOf = (error) => Object.fromEntries(ERROR_FIELDS.filter((key) => key in error).map((key) => [key, error[key]]));

function rejection(promise) {
  return promise.then(() => assert.fail('resolved'), (error) => error);
}

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('did not throw');
}

test('the functions keep their names, and exec and execFile keep a custom promisify', () => {
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
    assert.equal(ours[name].name, name);
  }
  assert.equal(typeof ours.exec[promisify.custom], 'function');
  assert.equal(typeof ours.execFile[promisify.custom], 'function');
});

test('promisify(execFile) resolves to { stdout, stderr } with .child, as node does', async () => {
  const promise = promisify(ours.execFile)(...SHELL_OUTPUT);
  assert.ok(promise.child instanceof node.ChildProcess);
  assert.deepEqual(await promise, await promisify(node.execFile)(...SHELL_OUTPUT));
  assert.deepEqual(await promisify(ours.execFile)(...SHELL_OUTPUT, { passFds: [] }), { stdout: 'out\n', stderr: 'err\n' });
});

test('promisify(exec) resolves to { stdout, stderr }, as node does', async () => {
  assert.deepEqual(await promisify(ours.exec)('echo out; echo err >&2'), { stdout: 'out\n', stderr: 'err\n' });
  assert.deepEqual(await promisify(ours.exec)('echo hi', { encoding: 'buffer' }), await promisify(node.exec)('echo hi', { encoding: 'buffer' }));
});

test('promisify(exec) rejects a failing command with the exit code, stdout and stderr, as node does', async () => {
  const command = 'echo partial; exit 4';
  const [mine, theirs] = [await rejection(promisify(ours.exec)(command)), await rejection(promisify(node.exec)(command))];
  assert.equal(mine.code, 4);
  assert.deepEqual(fieldsOf(mine), fieldsOf(theirs));
});

test('execFile calls back with ENOENT for a missing program, as node does', async () => {
  const errorOf = (api) => new Promise((resolve) => api.execFile(MISSING, ['x'], (error) => resolve(error)));
  const [mine, theirs] = [await errorOf(ours), await errorOf(node)];
  assert.equal(mine.code, 'ENOENT');
  assert.deepEqual(fieldsOf(mine), fieldsOf(theirs));
});

test("spawn returns a ChildProcess that emits 'error' with ENOENT for a missing program, as node does", async () => {
  const child = ours.spawn(MISSING, ['x']);
  assert.ok(child instanceof node.ChildProcess);
  const [[mine], [theirs]] = await Promise.all([once(child, 'error'), once(node.spawn(MISSING, ['x']), 'error')]);
  assert.deepEqual(fieldsOf(mine), fieldsOf(theirs));
  assert.equal(mine.syscall, `spawn ${MISSING}`);
});

test('spawnSync returns the same result object as node for success, failure and a missing program', () => {
  const strip = ({ pid, ...rest }) => rest;
  assert.deepEqual(strip(ours.spawnSync(...SHELL_OUTPUT, { encoding: 'utf8' })), strip(node.spawnSync(...SHELL_OUTPUT, { encoding: 'utf8' })));
  assert.deepEqual(strip(ours.spawnSync('sh', ['-c', 'exit 3'])), strip(node.spawnSync('sh', ['-c', 'exit 3'])));
  const [mine, theirs] = [ours.spawnSync(MISSING), node.spawnSync(MISSING)];
  assert.equal(mine.error.code, 'ENOENT');
  assert.deepEqual(fieldsOf(mine.error), fieldsOf(theirs.error));
});

test('execFileSync and execSync return output and throw with status like node', () => {
  assert.equal(ours.execFileSync('sh', ['-c', 'echo hi'], { encoding: 'utf8' }), 'hi\n');
  assert.deepEqual(ours.execSync('echo hi'), node.execSync('echo hi'));
  const failing = ['sh', ['-c', 'echo partial; exit 3'], { stdio: 'pipe' }];
  const [mine, theirs] = [thrown(() => ours.execFileSync(...failing)), thrown(() => node.execFileSync(...failing))];
  assert.equal(mine.status, 3);
  assert.deepEqual(fieldsOf(mine), fieldsOf(theirs));
  const shellMine = thrown(() => ours.execSync('exit 5', { stdio: 'pipe' }));
  assert.deepEqual(fieldsOf(shellMine), fieldsOf(thrown(() => node.execSync('exit 5', { stdio: 'pipe' }))));
  assert.equal(shellMine.status, 5);
});

test('exec and execFile return the ChildProcess and call back with (error, stdout, stderr)', async () => {
  const calledBack = new Promise((resolve) => {
    const child = ours.exec('echo out', (...args) => resolve({ child, args }));
  });
  const { child, args } = await calledBack;
  assert.ok(child instanceof node.ChildProcess);
  assert.deepEqual(args, [null, 'out\n', '']);
});
