// close-range/register under Bun (`bun --preload close-range/register`):
// Bun's children already hold only their stdio, so registering changes what
// they inherit only where passFds are given to node:child_process (the module
// object or its named exports), which then hands them over as Bun's spawn
// takes them.
import assert from 'node:assert/strict';
import { closeSync, openSync } from 'node:fs';
import { test } from 'node:test';
import { runInRuntime } from './run-in-runtime.js';
import { stdioInheriting } from './register-stdio.js';

function runBun(flags) {
  const file = openSync('/etc/hostname', 'r');
  try {
    return runInRuntime('bun', 'runtime-register-children.js', { flags, stdio: stdioInheriting(file, [7, 20]) }).result;
  } finally {
    closeSync(file);
  }
}

test('under bun --preload close-range/register, every child holds only 0-2, and passFds given to the module object or to a named export reach the child', () => {
  const { registered, native, children } = runBun(['--preload', 'close-range/register']);
  assert.equal(registered, true);
  const { moduleSpawnSyncPassFds, namedSpawnSyncPassFds, ...plain } = children;
  for (const [start, fds] of Object.entries(plain)) assert.deepEqual(fds, [0, 1, 2], start);
  assert.deepEqual(moduleSpawnSyncPassFds, [0, 1, 2, native]);
  // The ES module's named exports are bound at the app's first import, after the preload.
  assert.deepEqual(namedSpawnSyncPassFds, [0, 1, 2, native]);
});

test('without registering, Bun ignores passFds given to node:child_process: the child holds 0-2 only', () => {
  const { registered, children } = runBun([]);
  assert.equal(registered, false);
  assert.deepEqual(children.moduleSpawnSyncPassFds, [0, 1, 2]);
});
