// Tests that need /proc hidden or strace are skipped only where the kernel
// really refuses this user what they need, and never as root (CI): there
// every test runs.
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

test('strace is never refused to root, refused to another user only where it cannot trace, and traces', () => {
  const refused = sandboxRefused({ trace: ['close_range'] });
  if (process.getuid() === 0) assert.equal(refused, undefined, 'as root no test may be skipped');
  const child = spawnSync('strace', ['-f', '-qq', '-e', 'trace=execve', 'true'], { encoding: 'utf8' });
  if (refused === undefined) {
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stderr, /^execve\("[^"]*true"/m);
  } else {
    assert.match(refused, /ptrace/);
    assert.notEqual(child.status, 0, `refused (${refused}), yet strace ran`);
  }
});
