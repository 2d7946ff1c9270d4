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

// Without the re-entry check the inner call waits 10 s for the lock its own
// caller holds (the wait is synchronous, so a test timeout could not see it).
test('a child started from user code that node runs inside spawn() does not wait for the lock its caller holds', async () => {
  const { spawnSync } = await import('../../dist/child_process/index.js');
  let inner;
  // node reads options.env inside spawnSync, while the outer call holds the lock.
  const options = {
    get env() {
      inner ??= spawnSync('true');
      return process.env;
    },
  };
  const started = Date.now();
  const outer = spawnSync('true', [], options);
  assert.ok(Date.now() - started < 5000, 'the inner call waited for the lock its caller holds');
  assert.equal(outer.status, 0);
  assert.equal(inner.status, 0);
});

test("the main thread's event loop keeps turning, and its spawn() calls start, while a worker's execSync of a long child holds the spawn lock", () => {
  const { result } = runFixture('child-lock-event-loop.js');
  assert.equal(result.spawnsWhileWorkerChildRan, 10);
  assert.deepEqual(result.statuses, [0]);
  assert.equal(result.workerChildren, 1);
  assert.equal(result.workerChildEndedBy, 'SIGTERM', "the worker's child ended before the main thread ended it");
  // Timer every 20 ms; a spawn() that waited for the worker's child would stop it for the lock's 10 s wait limit.
  assert.ok(result.maxGapMs < 5000, `the event loop stopped for ${result.maxGapMs} ms`);
});
