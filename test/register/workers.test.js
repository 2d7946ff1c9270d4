// close-range/register and worker threads. Each thread has its own
// node:child_process, so a worker's children are clean where the hooks run
// in that worker: --require runs in every worker; --import runs in workers
// started from a file but not in `eval: true` ones (Node 20 to 26), where a
// child gets the fds opened without O_CLOEXEC since the main thread's last
// pass, unless the worker's code imports close-range/register itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRegistered } from '../helpers/run-registered.js';

const IMPORT = ['--import', 'close-range/register'];
const REQUIRE = ['--require', 'close-range/register'];

function runWorker(nodeArgs, args) {
  const { result, stderr } = runRegistered('register-worker.js', { nodeArgs, args });
  assert.ok(result, stderr);
  return result;
}

const CLEAN = {
  '--require, a worker from a file': [REQUIRE, ['file']],
  '--require, an eval worker': [REQUIRE, ['eval']],
  '--import, a worker from a file': [IMPORT, ['file']],
};
for (const [name, [nodeArgs, args]] of Object.entries(CLEAN)) {
  test(`${name}: the hooks run in the worker, and its children hold only 0-2, not the fds either thread opened without O_CLOEXEC`, () => {
    const result = runWorker(nodeArgs, args);
    assert.equal(result.registeredAtStart, true);
    assert.deepEqual(result.children, { spawnSync: [0, 1, 2], spawn: [0, 1, 2] });
  });
}

test('--import, an eval worker: no hooks there; its children get the fds opened without O_CLOEXEC since the last pass, not the inherited ones', () => {
  const result = runWorker(IMPORT, ['eval']);
  assert.equal(result.registeredAtStart, false);
  const expected = [0, 1, 2, result.nativeInMain, result.nativeInWorker].sort((a, b) => a - b);
  assert.deepEqual(result.children, { spawnSync: expected, spawn: expected });
});

test('--import, an eval worker that imports close-range/register itself: its children hold only 0-2', () => {
  const result = runWorker(IMPORT, ['eval', 'self']);
  assert.equal(result.registeredAtStart, false);
  assert.deepEqual(result.children, { spawnSync: [0, 1, 2], spawn: [0, 1, 2] });
});
