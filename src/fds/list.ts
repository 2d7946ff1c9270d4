// listFds, nextFd, highestFd: one directory read each.
import { probeOpenFds } from '../mechanisms/brute-force.js';
import { F_GETFD, libc } from '../native/libc.js';
import { validateFd } from '../validate.js';
import { readFdNumbers, withProcDirectory } from './directory.js';
import { INT_MAX, LIST_OPTIONS, normalizeFdQuery } from './options.js';
import type { FdListOptions } from './types.js';

/** Open fds in from..to, ascending; the descriptor the listing used is never among them. */
export function listFds(options?: FdListOptions): number[] {
  const { from, to, pid } = normalizeFdQuery(options, LIST_OPTIONS);
  if (pid !== undefined) return withProcDirectory(pid, (dirFd) => readFdNumbers(dirFd, from, to, -1));
  try {
    return withProcDirectory(undefined, (dirFd) => readFdNumbers(dirFd, from, to, dirFd));
  } catch (error) {
    // A full table has no fd left for the directory, and a container may
    // have no /proc: then ask each number below the table size (fcntl needs no fd).
    const { code } = error as { code?: string };
    if (code !== 'EMFILE' && code !== 'ENOENT') throw error;
    return probeOpenFds().filter((fd) => fd >= from && fd <= to);
  }
}

/** The lowest open fd >= `fd`, or -1. */
export function nextFd(fd: number): number {
  validateFd(fd, 'fd');
  if (fd <= INT_MAX && libc().fcntl(fd, F_GETFD, 0) >= 0) return fd;
  return listFds({ from: fd })[0] ?? -1;
}

/** The highest open fd, or -1 when none is. */
export function highestFd(): number {
  return listFds().at(-1) ?? -1;
}
