// What the close benchmark measures: the close_range patch's two rows (4 and
// 1000 fds), a sweep over the number of open fds, and a sparse table.
// Every layout starts at fd 64, above the runtime's own descriptors.
// rounds: in all; they are split over `batches` alternating fresh processes,
// each of which first runs `warmup` rounds that are not counted: enough for
// V8 to have optimized the JavaScript methods (the first hundreds of calls of
// a small case run partly interpreted, at about twice the cost).
const BASE = 64;
const dense = (count, plan) => ({
  id: `fds-${count}`,
  label: `${count} open fd${count === 1 ? '' : 's'}`,
  layout: { base: BASE, count, extra: -1 },
  sweep: true,
  ...plan,
});

export const closeCases = [
  dense(1, { rounds: 240, warmup: 1000, batches: 6 }),
  // The close_range patch (Linux 5.9) measured a /proc/self/fd walk against close_range:
  dense(4, { rounds: 480, warmup: 1000, batches: 8, patch: { walk: 280, closeRange: 24 } }),
  dense(10, { rounds: 240, warmup: 1000, batches: 6 }),
  dense(100, { rounds: 120, warmup: 200, batches: 6 }),
  dense(1000, { rounds: 80, warmup: 20, batches: 8, patch: { walk: 5000, closeRange: 800 } }),
  dense(10000, { rounds: 8, warmup: 2, batches: 4 }),
  {
    id: 'sparse',
    label: '4 open fds, the last at 19999',
    // close_range visits every slot of the table up to the range's end;
    // a /proc/self/fd walk visits only what is open.
    layout: { base: BASE, count: 3, extra: 19999 },
    rounds: 12,
    warmup: 2,
    batches: 4,
    sweep: false,
  },
];
