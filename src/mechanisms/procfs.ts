// Walks this thread's /proc fd directory: cost follows the open descriptors,
// not the width of the range. thread-self, not self: after unshare the
// calling thread's table is its own.
import { CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE } from '../constants.js';
import { readFdNumbers, tryOpenProcDirectory } from '../fds/directory.js';
import { EMFILE, libc } from '../native/libc.js';
import type { FdRanges, Mechanism } from './mechanism.js';
import { closeOrMark, unshareTable } from './per-fd.js';

// A full table has every number below the soft limit open, so the first
// candidate is almost always the range's first fd; this only bounds a bad case.
const MAX_CANDIDATES = 4096;

const openFdDirectory = () => tryOpenProcDirectory(undefined, 'fd');

/** Whether /proc is missing or not procfs; false when a full table (EMFILE) cannot tell. */
function procfsMissing(): boolean {
  const directory = openFdDirectory();
  if ('fd' in directory) libc().close(directory.fd);
  return !('fd' in directory) && directory.errno !== EMFILE;
}

export const procfsWalk: Mechanism = {
  name: 'procfs',

  isAvailable: () => !procfsMissing(),

  apply(ranges: FdRanges, flags: number) {
    if (ranges.length === 0 && (flags & CLOSE_RANGE_UNSHARE) === 0) return true;
    const cloexec = (flags & CLOSE_RANGE_CLOEXEC) !== 0;
    let directory = openFdDirectory();
    // A full table: free one fd the call closes anyway, as glibc's closefrom
    // does. Marking cannot free one; the close loop needs no descriptor.
    if (!('fd' in directory) && directory.errno === EMFILE && !cloexec && closeLowestOpenFd(ranges)) {
      directory = openFdDirectory();
    }
    if (!('fd' in directory)) return false;
    let fds: number[] = [];
    try {
      // Unshare before reading: an fd another thread opens meanwhile is then
      // either in the listing or not in our table.
      if (flags & CLOSE_RANGE_UNSHARE) unshareTable();
      if (ranges.length > 0) {
        fds = readFdNumbers(directory.fd, ranges[0][0], ranges[ranges.length - 1][1], directory.fd);
      }
    } finally {
      libc().close(directory.fd);
    }
    let range = 0;
    for (const fd of fds) {
      while (fd > ranges[range][1]) range++;
      if (fd >= ranges[range][0]) closeOrMark(fd, cloexec);
    }
    return true;
  },
};

function closeLowestOpenFd(ranges: FdRanges): boolean {
  let budget = MAX_CANDIDATES;
  for (const [first, last] of ranges) {
    for (let fd = first; fd <= last && budget > 0; fd++, budget--) {
      if (libc().close(fd) === 0) return true;
    }
  }
  return false;
}
