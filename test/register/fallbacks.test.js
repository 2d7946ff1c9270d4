// Where close_range(2) cannot mark (a kernel before 5.11 refuses
// CLOSE_RANGE_CLOEXEC; seccomp refuses the call), a registered process marks
// through cloexecFrom()'s fallbacks, and its children are just as clean.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fixturePath } from '../helpers/run-fixture.js';
import { ROOT } from '../helpers/run-registered.js';
import { sandboxed } from '../helpers/sandbox.js';

const SHELL = 'exec 3</dev/null 7</dev/null 20</dev/null 251</dev/null';

for (const closeRange of ['EINVAL-CLOEXEC', 'ENOSYS', 'EPERM']) {
  test(`with close_range refused (${closeRange}), every child of a registered process holds 0-2 and the kept 3 and 251 only`, () => {
    const command = [process.execPath, '--import', 'close-range/register', fixturePath('register-list-children.js')];
    const [file, ...args] = sandboxed(command, { closeRange, shell: SHELL });
    const child = spawnSync(file, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CLOSE_RANGE_KEEP: '3,251' } });
    assert.equal(child.status, 0, child.stderr);
    const { children } = JSON.parse(child.stdout.trim().split('\n').at(-1));
    for (const [start, fds] of Object.entries(children)) assert.deepEqual(fds, [0, 1, 2, 3, 251], start);
  });
}
