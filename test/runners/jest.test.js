import { describe, test } from 'node:test';
import { assertOneLeakReported, runJest } from '../helpers/runners.js';

// The suite is CommonJS, as jest runs it on every supported Node: it loads the package's require() build.

describe('jest suite checked with assertNoFdLeaks', () => {
  test('fails the leaking test with ERR_FD_LEAK and passes the clean ones', () => {
    assertOneLeakReported(runJest({ trace: false }), { trace: false });
  });

  test('with CLOSE_RANGE_TRACE=1, names the line that opened the leaked file', () => {
    assertOneLeakReported(runJest({ trace: true }), { trace: true });
  });
});
