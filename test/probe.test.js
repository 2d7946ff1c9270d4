// probe() tells the truth: what close_range answers here (a real seccomp
// filter makes it ENOSYS, EPERM or EINVAL for CLOEXEC), whether /proc is
// procfs (a tmpfs over it in a private mount namespace), and so which
// mechanism closeFrom and cloexecFrom use, with the reason.
import assert from 'node:assert/strict';
import { release } from 'node:os';
import { test } from 'node:test';
import { runSandboxed, skipWhereRefused } from './helpers/sandbox.js';

const probeIn = (sandbox, env) => {
  const { result } = runSandboxed('mechanism-probe.js', [], sandbox, { env });
  assert.equal(result.error, undefined, result.error?.message);
  return result.value;
};

const pick = ({ mechanism, cloexecMechanism, closeRange, cloexec, unshare, procfs, closeRangeError, cloexecError, forced }) =>
  ({ mechanism, cloexecMechanism, closeRange, cloexec, unshare, procfs, closeRangeError, cloexecError, forced });

test('probe() throws ERR_INVALID_ARG_VALUE when CLOSE_RANGE_MECHANISM names no mechanism', () => {
  const { result } = runSandboxed('mechanism-probe.js', [], {}, { env: { CLOSE_RANGE_MECHANISM: 'close-range' } });
  assert.equal(result.error?.code, 'ERR_INVALID_ARG_VALUE');
});

test('probe() on this kernel: close_range with CLOEXEC, procfs, and the kernel release', () => {
  const answer = probeIn({});
  assert.deepEqual(pick(answer), {
    mechanism: 'close_range', cloexecMechanism: 'close_range', closeRange: true, cloexec: true, unshare: true,
    procfs: true, closeRangeError: null, cloexecError: null, forced: null,
  });
  assert.equal(answer.kernel, release());
  assert.match(answer.reason, new RegExp(`^close_range .*Linux ${release().replace(/[.]/g, '\\.')}`));
});

test('probe() where close_range answers ENOSYS: the procfs walk, and why', () => {
  const answer = probeIn({ closeRange: 'ENOSYS' });
  assert.deepEqual(pick(answer), {
    mechanism: 'procfs', cloexecMechanism: 'procfs', closeRange: false, cloexec: false, unshare: true,
    procfs: true, closeRangeError: 'ENOSYS', cloexecError: 'ENOSYS', forced: null,
  });
  assert.match(answer.reason, /^procfs .*close_range\(2\) answers ENOSYS/);
});

test('probe() where seccomp answers EPERM: the procfs walk', () => {
  const answer = probeIn({ closeRange: 'EPERM' });
  assert.deepEqual([answer.mechanism, answer.closeRange, answer.closeRangeError], ['procfs', false, 'EPERM']);
});

test('probe() where CLOSE_RANGE_CLOEXEC answers EINVAL (Linux 5.9/5.10): close_range to close, the walk to mark', () => {
  const answer = probeIn({ closeRange: 'EINVAL-CLOEXEC' });
  assert.deepEqual(pick(answer), {
    mechanism: 'close_range', cloexecMechanism: 'procfs', closeRange: true, cloexec: false, unshare: true,
    procfs: true, closeRangeError: null, cloexecError: 'EINVAL', forced: null,
  });
  assert.match(answer.reason, /CLOSE_RANGE_CLOEXEC answers EINVAL/);
});

test('probe() where close_range answers an error that is no refusal: close_range stays, and the error is named', () => {
  const answer = probeIn({ closeRange: 'ERRNO=16' });
  assert.deepEqual([answer.mechanism, answer.closeRange, answer.closeRangeError], ['close_range', false, 'EBUSY']);
  assert.match(answer.reason, /EBUSY is no refusal/);
});

test('probe() where both close_range and unshare(2) are refused: unshare false', () => {
  const answer = probeIn({ closeRange: 'EPERM', unshare: 'EPERM' });
  assert.deepEqual([answer.mechanism, answer.closeRange, answer.unshare], ['procfs', false, false]);
});

test('probe() without procfs but with close_range: close_range, procfs false', skipWhereRefused({ procfs: false }), () => {
  const answer = probeIn({ procfs: false });
  assert.deepEqual([answer.mechanism, answer.closeRange, answer.procfs], ['close_range', true, false]);
});

test('probe() with neither close_range nor procfs: the close loop, and why', skipWhereRefused({ procfs: false }), () => {
  const answer = probeIn({ closeRange: 'ENOSYS', procfs: false });
  assert.deepEqual(pick(answer), {
    mechanism: 'brute-force', cloexecMechanism: 'brute-force', closeRange: false, cloexec: false, unshare: true,
    procfs: false, closeRangeError: 'ENOSYS', cloexecError: 'ENOSYS', forced: null,
  });
  assert.match(answer.reason, /^brute-force .*ENOSYS.*thread-self\/fd cannot be opened/);
});

test('probe() names the mechanism CLOSE_RANGE_MECHANISM forces, and still reports what the kernel can do', () => {
  const answer = probeIn({}, { CLOSE_RANGE_MECHANISM: 'procfs' });
  assert.deepEqual([answer.mechanism, answer.forced, answer.closeRange, answer.cloexec], ['procfs', 'procfs', true, true]);
  assert.match(answer.reason, /CLOSE_RANGE_MECHANISM=procfs/);
});
