// The kernel's own close_range selftest (tools/testing/selftests/core),
// case by case, through closeRange/closeFrom/cloexecFrom in a child process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './helpers/run-fixture.js';

const results = new Map();
const run = (name) => {
  if (!results.has(name)) results.set(name, runFixture('close-range-kernel-cases.js', [name]).result);
  return results.get(name);
};
const from = (start, end) => Array.from({ length: end - start + 1 }, (_, i) => start + i);

test('closeRange with unknown flag bits fails with EINVAL and closes nothing', () => {
  const steps = run('holes');
  assert.deepEqual(steps.unknownFlags, { code: 'EINVAL', errno: -22, syscall: 'close_range' });
  assert.equal(steps.afterUnknownFlags, 101);
});

test('closeRange closes exactly its inclusive range, skips holes, and clamps a last beyond the table', () => {
  const steps = run('holes');
  assert.deepEqual(steps.after0to50, from(51, 100));
  assert.deepEqual(steps.after51to92, from(93, 100));
  assert.deepEqual(steps.after93to99, [100]);
  assert.deepEqual(steps.after100, []);
  assert.deepEqual(steps.clampedPastTable, [true, true, false, false, false]);
});

test('closeRange with unshare closes in a private table while another thread still sees every fd', () => {
  const steps = run('unshare');
  assert.deepEqual(steps.after0to50, from(51, 100));
  assert.deepEqual(steps.after51to92, from(93, 100));
  assert.deepEqual(steps.after93to99, [100]);
  assert.deepEqual(steps.after100, []);
  assert.equal(steps.otherThreadAfter0to50, 101);
  assert.equal(steps.otherThreadAtEnd, 101);
});

test('closeFrom with unshare up to ~0U closes every fd from first up in the private table only', () => {
  assert.deepEqual(run('unshareCapped'), { open: [], otherThread: 101 });
});

test('closeRange with cloexec marks exactly its ranges even with RLIMIT_NOFILE below the open fds', () => {
  const result = run('cloexecLowLimit');
  assert.deepEqual(result.twoRanges, [...from(0, 50), ...from(75, 100)]);
  assert.equal(result.stillOpen, 101);
  assert.equal(result.commonPattern, 101);
  assert.deepEqual(result.inherited, []);
});

test('closeRange with cloexec and unshare marks the private table and leaves the shared one unmarked', () => {
  const result = run('cloexecUnshareLowLimit');
  assert.deepEqual(result.twoRanges, [...from(0, 50), ...from(75, 100)]);
  assert.equal(result.commonPattern, 101);
  assert.equal(result.otherThreadCloexec, 0);
});

test('cloexecFrom marks a sparse table up to fd 1000, and a dup made afterwards is inherited alone', () => {
  const result = run('cloexecSparse');
  assert.equal(result.high, 1000);
  assert.ok(result.inheritedBefore.includes(result.low) && result.inheritedBefore.includes(1000));
  assert.deepEqual(result.marked, [true, true]);
  assert.equal(result.dupCloexec, false);
  assert.deepEqual(result.inherited, [42]);
});

test('closeRange with cloexec and unshare over a sparse table leaves the other thread\'s fds unmarked', () => {
  assert.deepEqual(run('cloexecUnshareSparse'), { marked: [true, true], dupCloexec: false, otherThread: [false, false] });
});

test('after unshare truncates a full 0..127 table at 64, the next new fd is 64', () => {
  assert.deepEqual(run('bitmapAfterUnshare'), { allOpen: true, open64: false, nextFd: 64 });
});
