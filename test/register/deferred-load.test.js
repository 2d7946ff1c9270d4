// What registering loads at start-up. Where Node runs module hooks in the
// thread (module.registerHooks, Node 22.15+), a process that starts no child
// loads neither node:child_process nor the library and koffi; on Node 20 the
// hooks go in at start-up. However the app reaches node:child_process later,
// its children hold only their stdio: the process starts with nothing to mark
// on the first turn, and the fd it opens later without close-on-exec (200)
// reaches no child only if the hooks are in.
import assert from 'node:assert/strict';
import nodeModule from 'node:module';
import { test } from 'node:test';
import { runRegistered } from '../helpers/run-registered.js';

// close-range exec closes every fd >= 3 before it execs node: nothing inherited to mark on the first turn.
const NOTHING_INHERITED = 'exec "$1" dist/cli/main.cjs exec -- "$@"';
const DEFERS = nodeModule.registerHooks !== undefined;

for (const register of [['--import', 'close-range/register'], ['--require', 'close-range/register']]) {
  test(`under ${register.join(' ')}, a process that starts no child loads ${DEFERS ? 'neither node:child_process nor' : 'node:child_process (Node 20: no module.registerHooks) but not'} the library or koffi`, () => {
    const { result, stderr } = runRegistered('register-late-child-process.js', { nodeArgs: register, args: ['none'], shell: NOTHING_INHERITED });
    assert.ok(result, stderr);
    assert.deepEqual(result.atStart, { childProcess: !DEFERS, library: false, koffi: false });
  });

  for (const way of ['require', 'import', 'builtin']) {
    test(`under ${register.join(' ')}, node:child_process reached later by ${way} starts a child holding only fds 0-2`, () => {
      const { result, stderr } = runRegistered('register-late-child-process.js', { nodeArgs: register, args: [way], shell: NOTHING_INHERITED });
      assert.ok(result, stderr);
      assert.deepEqual(result.child, [0, 1, 2]);
    });
  }
}

test('node:child_process loaded before registering (--require child_process first) is hooked too', () => {
  const { result, stderr } = runRegistered('register-late-child-process.js', {
    nodeArgs: ['--require', 'child_process', '--import', 'close-range/register'],
    args: ['require'],
    shell: NOTHING_INHERITED,
  });
  assert.ok(result, stderr);
  assert.equal(result.atStart.childProcess, true);
  assert.deepEqual(result.child, [0, 1, 2]);
});

test('without registering, a child started the same way inherits fd 200', () => {
  const { result, stderr } = runRegistered('register-late-child-process.js', { args: ['require'], shell: NOTHING_INHERITED });
  assert.ok(result, stderr);
  assert.deepEqual(result.child, [0, 1, 2, 200]);
});
