import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixturePath, runFixture } from '../helpers/run-fixture.js';

const inWorker = (scenario, trace) => {
  const { CLOSE_RANGE_TRACE, ...env } = process.env;
  return runFixture('trace-worker.js', [scenario], { env: trace ? { ...env, CLOSE_RANGE_TRACE: '1' } : env }).result;
};

describe('leak checks in a worker thread, which shares the descriptor table', () => {
  test('refuse without tracing, saying to run in processes of their own', () => {
    for (const scenario of ['snapshot', 'clean', 'leak']) {
      const { outcome } = inWorker(scenario, false);
      assert.equal(outcome.code, 'ERR_FD_LEAK_CHECK_UNRELIABLE', scenario);
      assert.match(outcome.message, /--pool=forks/);
      assert.match(outcome.message, /CLOSE_RANGE_TRACE=1/);
    }
  });

  test("with tracing, leave out a file the main thread opened during the checked code", () => {
    const { outcome, mainOpened } = inWorker('clean', true);
    assert.equal(typeof mainOpened, 'number', 'the main thread opened nothing: nothing was tested');
    assert.deepEqual(outcome, { resolved: true });
  });

  test("with tracing, report the worker's own leak alone, at its line", () => {
    const { outcome, mainOpened } = inWorker('leak', true);
    assert.equal(outcome.code, 'ERR_FD_LEAK');
    assert.equal(outcome.leaked.length, 1, outcome.message);
    const [{ fd, target, at }] = outcome.leaked;
    assert.notEqual(fd, mainOpened);
    assert.equal(target, '/etc/hostname');
    assert.match(at, new RegExp(`^${fixturePath('trace-worker.js')}:\\d+:\\d+$`));
  });
});
