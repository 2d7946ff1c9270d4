// The benchmark's chart writer: points must land where log-log scaling puts them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decadeDomain, logScale, renderLogLogChart } from '../../bench/svg.js';

test('logScale puts each decade an equal distance apart', () => {
  const scale = logScale([1, 10_000], [0, 400]);
  assert.deepEqual([1, 10, 100, 1000, 10_000].map(scale), [0, 100, 200, 300, 400]);
});

test('logScale runs downwards when the range does (SVG y grows down)', () => {
  const scale = logScale([0.1, 1000], [440, 40]);
  assert.equal(scale(0.1), 440);
  assert.equal(scale(1000), 40);
  assert.equal(scale(10), 240);
});

test('decadeDomain widens to whole decades around every value', () => {
  assert.deepEqual(decadeDomain([3, 47, 2500]), [1, 10_000]);
  assert.deepEqual(decadeDomain([0.25, 9]), [0.1, 10]);
  assert.deepEqual(decadeDomain([10, 10]), [10, 100]);
});

test('the chart draws every point on the grid lines of its x and y values', () => {
  const svg = renderLogLogChart({
    title: 'cost',
    xLabel: 'fds',
    yLabel: 'us',
    series: [
      { label: 'a & b', color: '#f00', points: [{ x: 1, y: 1000 }, { x: 100, y: 10 }, { x: 10_000, y: 0.1 }] },
      { label: 'c', color: '#00f', dashed: true, points: [{ x: 10, y: 1 }] },
    ],
  });
  const verticals = gridPositions(svg, /<line x1="([\d.]+)" y1="[\d.]+" x2="\1" y2="[\d.]+" stroke="#ddd"\/>\n<text x="[\d.]+" y="[\d.]+" text-anchor="middle">([\d.,]+)<\/text>/g);
  const horizontals = gridPositions(svg, /<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="\1" stroke="#ddd"\/>\n<text x="[\d.]+" y="[\d.]+" text-anchor="end">([\d.,]+)<\/text>/g);
  assert.deepEqual([...verticals.keys()], [1, 10, 100, 1000, 10_000]);
  assert.deepEqual([...horizontals.keys()], [0.1, 1, 10, 100, 1000]);
  assertEvenlySpaced([...verticals.values()]);
  assertEvenlySpaced([...horizontals.values()]);
  const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3.5" fill="[^"]+"><title>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.deepEqual(circles, [
    [verticals.get(1), horizontals.get(1000)],
    [verticals.get(100), horizontals.get(10)],
    [verticals.get(10_000), horizontals.get(0.1)],
    [verticals.get(10), horizontals.get(1)],
  ]);
  assert.match(svg, /<text x="[\d.]+" y="[\d.]+">a &amp; b<\/text>/);
  assert.match(svg, /stroke="#00f" stroke-width="2" stroke-dasharray="6 4"\/>/);
});

function assertEvenlySpaced(positions) {
  const steps = positions.slice(1).map((position, index) => position - positions[index]);
  for (const step of steps) assert.ok(Math.abs(step - steps[0]) <= 0.1, `decades ${steps.join(', ')} apart`);
}

/** Map from a grid line's label (as a number) to its position. */
function gridPositions(svg, pattern) {
  return new Map([...svg.matchAll(pattern)].map((m) => [Number(m[2].replace(/,/g, '')), Number(m[1])]));
}
