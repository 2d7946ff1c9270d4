import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { assertOneLeakReported, runJest } from '../helpers/runners.js';

// The suite is CommonJS, as jest runs it on every supported Node: it needs a build that require() loads.
const { exports } = createRequire(import.meta.url)('../../package.json');
const withoutCommonJs = exports['.'].require === undefined && 'close-range has no CommonJS build (no "require" export condition)';

describe('jest suite checked with assertNoFdLeaks', () => {
  test('fails the leaking test with ERR_FD_LEAK and passes the clean ones', { skip: withoutCommonJs }, () => {
    assertOneLeakReported(runJest({ trace: false }), { trace: false });
  });

  test('with CLOSE_RANGE_TRACE=1, names the line that opened the leaked file', { skip: withoutCommonJs }, () => {
    assertOneLeakReported(runJest({ trace: true }), { trace: true });
  });
});
