import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from './helpers/run-fixture.js';

test('closeRange closes every open fd in the range and skips holes', () => {
  const { result } = runFixture('close-range-basic.js');
  assert.deepEqual(result.open, result.fds.slice(6));
});
