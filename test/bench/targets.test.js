// The benchmark's verdicts: a ratio bound and a bound on the time added.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { targetLine } from '../../bench/format.js';
import { evaluateTargets } from '../../bench/targets.js';

const group = (targets) => ({
  results: { node: { median: 40_000, min: 38_000 }, register: { median: 41_500, min: 40_500 } },
  targets,
});

test('a bound on the time added compares the difference of the medians, in milliseconds', () => {
  const [met] = evaluateTargets([], [group([{ name: 'start', method: 'register', reference: 'node', addsAtMostMs: 2 }])]);
  assert.deepEqual(met, { name: 'start', addedMs: 1.5, minAddedMs: 2.5, ratio: 1.04, minRatio: 1.07, addsAtMostMs: 2, met: true });
  assert.deepEqual(targetLine(met), { name: 'start', ratio: '+1.50 ms', minRatio: '+2.50 ms', target: '<= +2 ms', verdict: 'met' });
  const [missed] = evaluateTargets([], [group([{ name: 'start', method: 'register', reference: 'node', addsAtMostMs: 1 }])]);
  assert.equal(targetLine(missed).verdict, 'MISSED');
});

test('a ratio bound is judged on the ratio of the medians, as before', () => {
  const [target] = evaluateTargets([], [group([{ name: 'spawn', method: 'register', reference: 'node', atMost: 1.1 }])]);
  assert.equal(target.met, true);
  assert.deepEqual(targetLine(target), { name: 'spawn', ratio: '1.04x', minRatio: '1.07x', target: '<= 1.1x', verdict: 'met' });
});
