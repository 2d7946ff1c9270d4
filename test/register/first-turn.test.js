// The first-turn pass: fds a process inherited without close-on-exec are
// marked once its event loop first turns (for children no hook sees: eval
// workers, exec), and a process that holds none never loads koffi for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRegistered } from '../helpers/run-registered.js';

const CLI = 'dist/cli/main.cjs';

for (const register of [['--import', 'close-range/register'], ['--require', 'close-range/register']]) {
  test(`under ${register.join(' ')}, the inherited fds above 15 are close-on-exec after the first turn, fds 7, 20 and 251 all still open`, () => {
    const { result, stderr } = runRegistered('register-first-turn.js', { nodeArgs: register });
    assert.ok(result, stderr);
    assert.deepEqual(result, { koffiLoaded: true, open: [7, 20, 251], inheritable: [] });
  });

  test(`under ${register.join(' ')}, a process started holding no inheritable fd >= 3 does not load koffi on its first turn`, () => {
    // close-range exec closes every fd >= 3 before it execs node.
    const shell = `exec "$1" ${CLI} exec -- "$@"`;
    const { result, stderr } = runRegistered('register-first-turn.js', { nodeArgs: register, shell });
    assert.ok(result, stderr);
    assert.equal(result.koffiLoaded, false);
    assert.deepEqual(result.inheritable, []);
  });
}

test('without registering, the inherited fds above 15 stay inheritable', () => {
  const { result, stderr } = runRegistered('register-first-turn.js');
  assert.ok(result, stderr);
  assert.deepEqual(result.inheritable, [20, 251]);
});
