// systemd socket activation (LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES): the
// activated sockets at 3 and 4 belong to the registered process itself; a
// child gets them only where the process passes them on (passFds, stdio).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixturePath } from '../helpers/run-fixture.js';
import { ROOT } from '../helpers/run-registered.js';

function runActivated(nodeArgs) {
  const launcher = spawnSync(process.execPath, [fixturePath('register-activated-launcher.js'), ...nodeArgs, fixturePath('register-activated-app.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(launcher.status, 0, launcher.stderr);
  const result = JSON.parse(launcher.stdout.trim().split('\n').at(-1));
  assert.equal(result.listenPidIsOwn, true, 'LISTEN_PID does not name the app');
  return result;
}

const fdsOf = (targets) => Object.keys(targets).map(Number).sort((a, b) => a - b);

for (const register of [['--import', 'close-range/register'], ['--require', 'close-range/register']]) {
  test(`under ${register.join(' ')}, a plain child of a socket-activated app gets none of the activated sockets, nor the inherited fds`, () => {
    const { children } = runActivated(register);
    assert.deepEqual(fdsOf(children.plainSpawnSync), [0, 1, 2]);
    assert.deepEqual(fdsOf(children.plainSpawn), [0, 1, 2]);
  });

  test(`under ${register.join(' ')}, a child given the activated sockets through passFds or stdio gets exactly those, and the app still accepts on fd 3`, () => {
    const { activated, children, reply } = runActivated(register);
    assert.deepEqual(fdsOf(children.passFds), [0, 1, 2, 3, 4]);
    assert.equal(children.passFds[3], activated[3]);
    assert.equal(children.passFds[4], activated[4]);
    assert.deepEqual(fdsOf(children.stdio), [0, 1, 2, 3]);
    assert.equal(children.stdio[3], activated[4], "stdio[3] was the app's fd 4");
    assert.equal(reply, 'accepted');
  });
}
