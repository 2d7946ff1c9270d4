// The tests without procfs are skipped only where the sandbox they need
// really cannot be built, and never as root (CI): there every test runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { sandboxRefused, sandboxed } from './helpers/sandbox.js';

const WITHOUT_PROCFS = { procfs: false };

test('the sandbox without procfs is never refused to root, refused to another user only where it cannot be built, and hides /proc', () => {
  const refused = sandboxRefused(WITHOUT_PROCFS);
  if (process.getuid() === 0) assert.equal(refused, undefined, 'as root no test may be skipped');
  const [file, ...args] = sandboxed(['sh', '-c', 'test -e /proc/self && echo visible || echo hidden'], WITHOUT_PROCFS);
  const child = spawnSync(file, args, { encoding: 'utf8' });
  if (refused === undefined) {
    assert.deepEqual([child.status, child.stdout], [0, 'hidden\n'], child.stderr);
  } else {
    assert.match(refused, /user namespace/);
    assert.notEqual(child.status, 0, `refused (${refused}), yet the sandbox ran: ${child.stdout}`);
  }
});
