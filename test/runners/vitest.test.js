import { describe, test } from 'node:test';
import { assertAllRefused, assertOneLeakReported, runVitest } from '../helpers/runners.js';

describe('vitest suite checked with assertNoFdLeaks', () => {
  test('forks pool: fails the leaking test with ERR_FD_LEAK and passes the clean ones', () => {
    assertOneLeakReported(runVitest({ pool: 'forks', trace: false }), { trace: false });
  });

  test('forks pool with CLOSE_RANGE_TRACE=1: names the line that opened the leaked file', () => {
    assertOneLeakReported(runVitest({ pool: 'forks', trace: true }), { trace: true });
  });

  for (const pool of ['threads', 'vmThreads']) {
    test(`${pool} pool: refuses every check, since its threads share one descriptor table`, () => {
      assertAllRefused(runVitest({ pool, trace: false }));
    });

    test(`${pool} pool with CLOSE_RANGE_TRACE=1: checks only what each test's thread opened`, () => {
      assertOneLeakReported(runVitest({ pool, trace: true }), { trace: true });
    });
  }
});
