import { describe, test } from 'node:test';
import { assertOneLeakReported, runNodeTest } from '../helpers/runners.js';

describe('node:test suite checked with assertNoFdLeaks', () => {
  test('fails the leaking test with ERR_FD_LEAK and passes the clean ones', () => {
    assertOneLeakReported(runNodeTest({ trace: false }), { trace: false });
  });

  test('with CLOSE_RANGE_TRACE=1, names the line that opened the leaked file', () => {
    assertOneLeakReported(runNodeTest({ trace: true }), { trace: true });
  });
});
