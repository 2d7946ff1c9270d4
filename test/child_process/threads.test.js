// Starting children from several threads: worker_threads share the process's
// descriptor table, so close-range/child_process serializes spawns with a
// process-wide lock. Each case runs in a fixture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFixture } from '../helpers/run-fixture.js';

test('children started at the same time from the main thread and three workers each get exactly their own passFds', () => {
  const { result } = runFixture('child-threads.js');
  assert.equal(result.children, 60);
  assert.deepEqual(result.wrong, []);
});

test('a worker terminated in the middle of a spawn leaves no lock behind: the next spawn goes ahead and releases it', () => {
  const { result } = runFixture('child-worker-terminated.js');
  for (const trial of result.trials) {
    assert.equal(trial.before.locks, 1, 'the terminated worker still held the lock');
    assert.equal(trial.status, 0);
    assert.equal(trial.locksAfter, 0);
  }
});
