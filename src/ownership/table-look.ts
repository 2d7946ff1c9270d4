// One look at this thread's table, each fact about an fd read at most once
// and only when an owner asks: a readlink costs ~4 us, an fcntl ~0.3 us.
import { readlinkSync } from 'node:fs';
import { FD_MAX } from '../constants.js';
import { procDirectory, readFdNumbers, withProcDirectory } from '../fds/directory.js';
import { probeOpenFds } from '../mechanisms/brute-force.js';
import { FD_CLOEXEC, F_GETFD, F_GETFL, O_ACCMODE, O_RDONLY, libc } from '../native/libc.js';
import { runtime } from '../runtime/detect.js';
import type { TableLook } from './owner.js';

const FD_DIRECTORY = procDirectory(undefined, 'fd');

export interface FreshLook extends TableLook {
  /** Whether the table was read through procfs (fd links can be read). */
  readonly procfs: boolean;
}

export function lookAtTable(): FreshLook {
  const { fds, procfs } = listOpenFds();
  const open = new Set(fds);
  const fdFlags = new Map<number, number>();
  const targets = new Map<number, string | undefined>();
  const flagsOf = (fd: number): number => {
    let flags = fdFlags.get(fd);
    if (flags === undefined) fdFlags.set(fd, (flags = libc().fcntl(fd, F_GETFD, 0)));
    return flags;
  };
  return {
    fds,
    procfs,
    isOpen: (fd) => open.has(fd) && flagsOf(fd) >= 0,
    cloexec: (fd) => flagsOf(fd) >= 0 && (flagsOf(fd) & FD_CLOEXEC) !== 0,
    target(fd) {
      if (!procfs || !open.has(fd)) return undefined;
      if (!targets.has(fd)) targets.set(fd, readLink(fd));
      return targets.get(fd);
    },
    readOnly: (fd) => (libc().fcntl(fd, F_GETFL, 0) & O_ACCMODE) === O_RDONLY,
  };
}

/** The open fds, ascending, without the one the listing used; without procfs, each number below the table size asked. */
function listOpenFds(): { fds: number[]; procfs: boolean } {
  runtime.assertMayRead(FD_DIRECTORY);
  try {
    return { fds: withProcDirectory(undefined, (dirFd) => readFdNumbers(dirFd, 0, FD_MAX, dirFd)), procfs: true };
  } catch (error) {
    const { code } = error as { code?: string };
    // No procfs (a container without /proc, or something else mounted there).
    if (code === 'ENOENT') return { fds: probeOpenFds(), procfs: false };
    // A full table leaves no fd for the directory; links read by path need none.
    if (code === 'EMFILE') return { fds: probeOpenFds(), procfs: true };
    throw error;
  }
}

function readLink(fd: number): string | undefined {
  try {
    return readlinkSync(`${FD_DIRECTORY}/${fd}`);
  } catch {
    return undefined; // closed meanwhile by another thread
  }
}
