// closeRange, closeFrom and cloexecFrom: basic behaviour, options and
// defaults. Bad input: close-range-bad-input.test.js; the kernel's and glibc's
// own cases: close-range-kernel.test.js and close-range-glibc.test.js.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './helpers/run-fixture.js';

const run = (name) => runFixture('close-range-options.js', [name]).result;

test('closeRange closes every open fd in the range and skips holes', () => {
  const { result } = runFixture('close-range-basic.js');
  assert.deepEqual(result.open, result.fds.slice(6));
});

test('closeRange returns undefined over holes, closed ranges and numbers beyond the table', () => {
  assert.deepEqual(run('holesOnly'), { results: ['undefined', 'undefined', 'undefined'], fdOpen: false, tableSize: true });
});

test('keep takes any iterable (array, Set, generator), ignores duplicates and fds outside the range, and mutates nothing', () => {
  const result = run('iterables');
  assert.deepEqual(result.open, [false, true, false, false, false, true, true, false]);
  assert.equal(result.keepAfter.length, 4);
  assert.deepEqual(result.optionKeys, ['keep']);
});

test('options may be an object without a prototype or an object literal of another realm (vm, jest)', () => {
  assert.deepEqual(run('plainObjects'), { open: [true, true], marked: [true, true] });
});

test('closeFrom() and cloexecFrom() start at 3 and leave fds 0-2 as they were', () => {
  assert.deepEqual(run('defaults'), { marked: [true, true, true], open: [false, false, false], stdioSame: true });
});

test('cloexecFrom with keep leaves the kept fd inheritable and closes nothing', () => {
  const { fds, inherited, stillOpen } = run('cloexecKeep');
  assert.deepEqual(inherited, [fds[2]]);
  assert.deepEqual(stillOpen, [true, true, true, true]);
});
