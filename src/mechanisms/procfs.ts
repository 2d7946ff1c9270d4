// Walks this thread's /proc fd directory: cost follows the open descriptors,
// not the width of the range. The directory must really be procfs (fstatfs):
// a tmpfs or bind mount over /proc would list whatever its files are called.
// thread-self, not self: after unshare the calling thread's table is its own.
import { CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE } from '../constants.js';
import { systemError } from '../errors.js';
import { readFdNumbers } from '../fds/directory.js';
import { EMFILE, ENOENT, O_DIRECTORY_CLOEXEC, STATFS_SIZE, libc, statfsType } from '../native/libc.js';
import type { FdRanges, Mechanism } from './mechanism.js';
import { closeOrMark, unshareTable } from './per-fd.js';

const FD_DIRECTORY = '/proc/thread-self/fd';
const PROC_SUPER_MAGIC = 0x9fa0;
// A full table has every number below the soft limit open, so the first
// candidate is almost always the range's first fd; this only bounds a bad case.
const MAX_CANDIDATES = 4096;

export type FdDirectory = { fd: number } | { errno: number; why: string };

let statfsBuffer: Buffer | undefined;

/** This thread's fd directory, if /proc is procfs; otherwise the errno and why. */
export function openFdDirectory(): FdDirectory {
  const dirFd = libc().open(FD_DIRECTORY, O_DIRECTORY_CLOEXEC, 0);
  if (dirFd < 0) return { errno: dirFd, why: `${FD_DIRECTORY} cannot be opened (${systemError(dirFd, 'open').code})` };
  const type = filesystemType(dirFd);
  if (type === PROC_SUPER_MAGIC) return { fd: dirFd };
  libc().close(dirFd);
  return { errno: type < 0 ? type : ENOENT, why: `/proc is not procfs (f_type 0x${type.toString(16)})` };
}

/** Whether `dirFd` lives on procfs; anything mounted over /proc lists whatever its files are called. */
export function isOnProcfs(dirFd: number): boolean {
  return filesystemType(dirFd) === PROC_SUPER_MAGIC;
}

/** f_type from fstatfs(2), or a negative errno. */
function filesystemType(fd: number): number {
  const buffer = (statfsBuffer ??= Buffer.alloc(STATFS_SIZE));
  const result = libc().fstatfs(fd, buffer);
  return result < 0 ? result : statfsType(buffer);
}

/** Whether /proc is missing or not procfs; false when a full table (EMFILE) cannot tell. */
export function procfsMissing(): boolean {
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
