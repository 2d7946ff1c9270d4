// Keep-lists cost one syscall per gap between kept fds, never one per fd:
// counted with strace, in the calling thread, between two marker calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipWhereRefused } from './helpers/sandbox.js';
import { traceFixture } from './helpers/strace.js';

const TRACED = skipWhereRefused({ trace: ['close'] });
let traced;
// One traced run serves every test; run by the first, so that a skip starts nothing.
const trace = () => (traced ??= traceFixture('close-range-keep-strace.js', [], ['close']));

test('closeRange with a keep-list closes each gap between kept fds with one close_range call, and no close()', TRACED, () => {
  const { result: { low }, sections } = trace();
  assert.deepEqual(sections[0], [
    `close_range(${low}, ${low + 2}, 0)`,
    `close_range(${low + 5}, ${low + 9}, 0)`,
    `close_range(${low + 11}, ${low + 19}, 0)`,
    `close_range(${low + 21}, ${low + 29}, 0)`,
  ]);
});

test('cloexecFrom with a keep-list marks each gap with one CLOSE_RANGE_CLOEXEC call up to ~0U', TRACED, () => {
  const { result: { low }, sections } = trace();
  assert.deepEqual(sections[1], [
    `close_range(${low + 30}, ${low + 30}, CLOSE_RANGE_CLOEXEC)`,
    `close_range(${low + 33}, ${low + 34}, CLOSE_RANGE_CLOEXEC)`,
    `close_range(${low + 36}, 4294967295, CLOSE_RANGE_CLOEXEC)`,
  ]);
});
