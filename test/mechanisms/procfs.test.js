// The /proc/thread-self/fd walk, where close_range is really refused: a
// seccomp filter answers ENOSYS (kernels before 5.9) or EPERM (container
// profiles). Also: a full table, and a tmpfs that only looks like procfs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCase, testCoreCases } from '../helpers/mechanism-cases.js';
import { skipWhereRefused } from '../helpers/sandbox.js';

const ON_PROCFS = { procfs: true, mechanism: 'procfs', cloexecMechanism: 'procfs' };
const ENOSYS = { ...ON_PROCFS, kernel: { closeRange: -38, cloexec: -38 } };

testCoreCases('procfs (close_range ENOSYS)', { closeRange: 'ENOSYS' }, ENOSYS);
testCoreCases('procfs (close_range EPERM)', { closeRange: 'EPERM' }, { ...ON_PROCFS, kernel: { closeRange: -1, cloexec: -1 } });

test('with the table full, closeFrom frees the range\'s lowest fd for the walk\'s directory, then closes every user fd', () => {
  const { result } = runCase('tableFull', { closeRange: 'ENOSYS', shell: 'ulimit -n 300' }, ENOSYS);
  assert.equal(result.fullErrno, -24, 'the table was not full');
  assert.equal(result.error, null);
  assert.equal(result.userLeft, 0);
  assert.deepEqual(result.leftWithoutCloexec, []);
});

test('with the table full, cloexecFrom marks every user fd close-on-exec and closes none', () => {
  // The probe afterwards cannot open /proc either: the table is still full.
  const { result } = runCase('tableFullCloexec', { closeRange: 'ENOSYS', shell: 'ulimit -n 300' }, { ...ENOSYS, procfs: false });
  assert.equal(result.fullErrno, -24, 'the table was not full');
  assert.equal(result.error, null);
  assert.equal(result.userLeft, result.filled);
  assert.equal(result.userWithoutCloexec, 0);
});

const FAKE_PROC = 'mkdir -p /proc/thread-self/fd && touch /proc/thread-self/fd/3';

test('a tmpfs over /proc with a thread-self/fd directory is not taken for procfs: every fd is still closed', skipWhereRefused({ procfs: false }), () => {
  const { result } = runCase('beforeExec', { closeRange: 'ENOSYS', procfs: false, shell: FAKE_PROC }, {
    kernel: { closeRange: -38, cloexec: -38 }, procfs: false, mechanism: 'brute-force', cloexecMechanism: 'brute-force',
  });
  assert.equal(result.error, null);
  assert.deepEqual(result.left, []);
});

test('nor by the runtime guard: closeFrom(3) over a fake fd directory still closes every user fd', skipWhereRefused({ procfs: false }), () => {
  const { result } = runCase('sparse', { procfs: false, shell: FAKE_PROC }, {
    kernel: { closeRange: 0, cloexec: 0 }, procfs: false, mechanism: 'close_range', cloexecMechanism: 'close_range',
  });
  assert.equal(result.error, null);
  assert.ok(Object.values(result.fds).every((state) => state === 'closed'), JSON.stringify(result.fds));
  assert.equal(result.runtimeWorks, true);
});

test('where unshare(2) is refused too (Docker\'s default profile), unshare: true throws EPERM from unshare and closes nothing', () => {
  const { result } = runCase('unshareRefused', { closeRange: 'ENOSYS', unshare: 'EPERM' }, ENOSYS);
  assert.deepEqual([result.error?.code, result.error?.errno, result.error?.syscall], ['EPERM', -1, 'unshare']);
  assert.deepEqual(Object.values(result.fds), ['open', 'open']);
});
