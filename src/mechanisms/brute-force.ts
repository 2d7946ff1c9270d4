// The last resort, with neither close_range nor procfs: visit every number
// of the range below the descriptor table's size (fd-table.ts). Its cost is
// that size, so beyond the loop limit it refuses, before touching anything,
// rather than loop for minutes or return with fds possibly open (systemd draws
// the same line at 2^20).
import { CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE } from '../constants.js';
import { closeRangeIncomplete } from '../errors.js';
import { F_GETFD, libc } from '../native/libc.js';
import { fdTableSize } from './fd-table.js';
import type { FdRanges, Mechanism } from './mechanism.js';
import { closeOrMark, unshareTable } from './per-fd.js';

/** Fds numbered at or above this are never looped over: 2^20 numbers take about 0.3 s (0.27 us each, measured). */
let loopLimit = 2 ** 20;

/** Lowers the limit: tests use it to see the refusal without a table of 2^20 fds. */
export function setLoopLimit(limit: number): void {
  loopLimit = limit;
}

export const bruteForce: Mechanism = {
  name: 'brute-force',

  isAvailable: () => true,

  apply(ranges: FdRanges, flags: number) {
    const size = tableSizeOrRefuse(ranges, flags);
    if (flags & CLOSE_RANGE_UNSHARE) unshareTable();
    const cloexec = (flags & CLOSE_RANGE_CLOEXEC) !== 0;
    for (const [first, last] of ranges) {
      const end = Math.min(last, size - 1);
      for (let fd = first; fd <= end; fd++) closeOrMark(fd, cloexec);
    }
    return true;
  },
};

/** Open fds, ascending, found by asking each number below the table size. */
export function probeOpenFds(): number[] {
  const size = fdTableSize(loopLimit);
  if (size === Infinity) throw refusal('tell which descriptors are open', `0..${loopLimit - 1}`);
  const fds: number[] = [];
  for (let fd = 0; fd < size; fd++) if (libc().fcntl(fd, F_GETFD, 0) >= 0) fds.push(fd);
  return fds;
}

function tableSizeOrRefuse(ranges: FdRanges, flags: number): number {
  if (ranges.length === 0) return 0;
  const size = fdTableSize(loopLimit);
  const [first] = ranges[0];
  const [, last] = ranges[ranges.length - 1];
  if (size === Infinity && last >= loopLimit) {
    const what = flags & CLOSE_RANGE_CLOEXEC ? 'mark every descriptor close-on-exec' : 'close every descriptor';
    throw refusal(what, `${first}..${last}`);
  }
  return size;
}

function refusal(what: string, range: string): Error {
  return closeRangeIncomplete(
    `Cannot ${what} in ${range} without procfs: this process's descriptor table has room for ` +
      `more than ${loopLimit} fds, more than a close loop may visit. Nothing was changed. ` +
      'Mount procfs at /proc, or (Linux 5.9+) allow close_range(2) in the seccomp profile.',
  );
}
