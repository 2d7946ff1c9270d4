// close-range/register under Deno (`deno run -A --preload npm:close-range/register`):
// Deno's children inherit every fd without close-on-exec. Registering marks
// them at every start through node:child_process's module object and
// ChildProcess.prototype.spawn, and at the first event-loop turn; the named
// exports, bound at the app's first ES import of node:child_process (after
// the preload), are the hooked functions.
import assert from 'node:assert/strict';
import { closeSync, openSync } from 'node:fs';
import { test } from 'node:test';
import { runInRuntime } from './run-in-runtime.js';
import { stdioInheriting } from './register-stdio.js';

const PRELOAD = ['run', '-A', '--preload', 'npm:close-range/register'];

function runDeno(flags) {
  const file = openSync('/etc/hostname', 'r');
  try {
    return runInRuntime('deno', 'runtime-register-children.js', { flags, stdio: stdioInheriting(file, [7, 20]) }).result;
  } finally {
    closeSync(file);
  }
}

test("without registering, Deno's children inherit fds 7 and 20 and the fd opened through FFI without O_CLOEXEC", () => {
  const { registered, native, children } = runDeno(['run', '-A']);
  assert.equal(registered, false);
  for (const [start, fds] of Object.entries(children)) {
    for (const fd of [7, 20, native]) assert.ok(fds.includes(fd), `${start}: ${fds}`);
  }
});

test('under deno run --preload npm:close-range/register, spawn, spawnSync, execSync and execa children hold only 0-2, and passFds reach the child', () => {
  const { registered, native, children } = runDeno(PRELOAD);
  assert.equal(registered, true);
  for (const start of ['spawn', 'moduleSpawnSync', 'execSync', 'execa']) assert.deepEqual(children[start], [0, 1, 2], start);
  assert.deepEqual(children.moduleSpawnSyncPassFds, [0, 1, 2, native]);
});

test('under Deno, spawnSync imported by name is hooked too: passFds reach its child, and an fd opened later through FFI without O_CLOEXEC does not', () => {
  const { native, children } = runDeno(PRELOAD);
  assert.deepEqual(children.namedSpawnSyncPassFds, [0, 1, 2, native]);
  assert.deepEqual(children.lateNamedSpawnSync, [0, 1, 2]);
});
