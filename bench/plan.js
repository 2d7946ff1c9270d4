// What the close benchmark measures: the close_range patch's two rows (4 and
// 1000 fds), a sweep over the number of open fds, and a sparse table.
// Every layout starts at fd 64, above the runtime's own descriptors.
const BASE = 64;
const dense = (count, rounds, extra = {}) => ({
  id: `fds-${count}`,
  label: `${count} open fd${count === 1 ? '' : 's'}`,
  layout: { base: BASE, count, extra: -1 },
  rounds,
  warmup: Math.max(1, Math.min(40, Math.round(rounds / 10))),
  sweep: true,
  ...extra,
});

export const closeCases = [
  dense(1, 400),
  // The close_range patch (Linux 5.9) measured a /proc/self/fd walk against close_range:
  dense(4, 400, { patch: { walk: 280, closeRange: 24 } }),
  dense(10, 400),
  dense(100, 200),
  dense(1000, 80, { patch: { walk: 5000, closeRange: 800 } }),
  dense(10000, 12),
  {
    id: 'sparse',
    label: '4 open fds, the last at 19999',
    // close_range visits every slot of the table up to the range's end;
    // a /proc/self/fd walk visits only what is open.
    layout: { base: BASE, count: 3, extra: 19999 },
    rounds: 16,
    warmup: 1,
    sweep: false,
  },
];

/** Each case runs in this many alternating batches of fresh processes. */
export const BATCHES = 8;

export function scaled(cases, factor) {
  return cases.map((c) => ({ ...c, rounds: Math.max(BATCHES, Math.round(c.rounds * factor)) }));
}
