// The close loop, where neither close_range (a seccomp filter answers ENOSYS)
// nor procfs (a tmpfs over /proc in a private mount namespace) is there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCase, testCoreCases } from '../helpers/mechanism-cases.js';
import { skipWhereRefused } from '../helpers/sandbox.js';

const NOTHING = { closeRange: 'ENOSYS', procfs: false };
const WITHOUT_PROCFS = skipWhereRefused(NOTHING);
const BRUTE_FORCE = { kernel: { closeRange: -38, cloexec: -38 }, procfs: false, mechanism: 'brute-force', cloexecMechanism: 'brute-force' };

testCoreCases('brute-force', NOTHING, BRUTE_FORCE);

test('above the loop limit closeFrom throws ERR_CLOSE_RANGE_INCOMPLETE at once and changes nothing; a range below it still closes', WITHOUT_PROCFS, () => {
  // The fixture lowers the limit to 16384; fd 19999 grows the table to 32768.
  const { result } = runCase('refusal', NOTHING, BRUTE_FORCE);
  assert.equal(result.error?.code, 'ERR_CLOSE_RANGE_INCOMPLETE');
  assert.match(result.error.message, /Mount procfs at \/proc/);
  assert.deepEqual(Object.values(result.unchanged), ['open', 'open', 'open', 'open']);
  assert.equal(result.belowLimitError, null);
  assert.deepEqual(Object.values(result.afterBelowLimit), ['closed', 'closed', 'open', 'open']);
});

test('an fd inherited above a since-lowered RLIMIT_NOFILE (19999 with a hard limit of 1024) is closed too', WITHOUT_PROCFS, () => {
  const sandbox = { ...NOTHING, shell: 'exec 19999</dev/null; ulimit -n 1024' };
  const { result } = runCase('inheritedAboveLimit', sandbox, BRUTE_FORCE);
  assert.equal(result.inherited, true, 'fd 19999 was not inherited');
  assert.equal(result.limitLowered, true, 'dup2 to 5000 worked: the limit was not lowered');
  assert.equal(result.error, null);
  assert.deepEqual(result.left, []);
});

test('with the table full, the loop needs no descriptor and closes every user fd', WITHOUT_PROCFS, () => {
  const { result } = runCase('tableFull', { ...NOTHING, shell: 'ulimit -n 300' }, BRUTE_FORCE);
  assert.equal(result.fullErrno, -24, 'the table was not full');
  assert.equal(result.error, null);
  assert.equal(result.userLeft, 0);
});

test('where unshare(2) is refused too, unshare: true throws EPERM from unshare and closes nothing', WITHOUT_PROCFS, () => {
  const { result } = runCase('unshareRefused', { ...NOTHING, unshare: 'EPERM' }, BRUTE_FORCE);
  assert.deepEqual([result.error?.code, result.error?.errno, result.error?.syscall], ['EPERM', -1, 'unshare']);
  assert.deepEqual(Object.values(result.fds), ['open', 'open']);
});
