// With RLIMIT_NOFILE reached, the guard's look at the table and the FFI's
// first load need a descriptor. Like glibc's closefrom, free one that the
// call closes anyway, then go on (the caller tries a few times: on Node 22+
// the FFI's load keeps one for good).
import { closeSync, readlinkSync } from 'node:fs';
import { kindOfLinkTarget } from '../fds/kind.js';
import { FD_CLOEXEC, F_GETFD, libc, libcLoaded } from '../native/libc.js';
import type { RangeRequest } from '../range-request.js';
import { runtime } from './detect.js';
import { mayBeEmfileReserve } from '../ownership/by-type.js';
import { cachedOwners } from './guard.js';

// A full table has every number below the soft limit open, so the first
// candidate is almost always `first` itself; this only bounds a bad case.
const MAX_CANDIDATES = 4096;

/** EMFILE or ENFILE, also when it caused the FFI's failure to load. */
export function isTableFull(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code, message } = cause as { code?: unknown; message: string };
    if (code === 'EMFILE' || code === 'ENFILE' || /too many open files/i.test(message)) return true;
  }
  return false;
}

/**
 * Closes the lowest fd of the range that is not the runtime's. When the
 * guard knows the owners from an earlier look, that is any fd none of them
 * claimed. Otherwise, one surely not the runtime's: a file or directory
 * other than /dev/null and "/", or (once the FFI is loaded) any fd without
 * close-on-exec; failing those, the highest /dev/null or "/": libuv opens
 * its reserve when a loop makes its first stream, early, while a table
 * fills up later. False if none is found.
 */
export function freeOneDescriptor(request: RangeRequest): boolean {
  const end = Math.min(request.last, request.first + MAX_CANDIDATES);
  const owners = cachedOwners();
  if (owners !== undefined) return freeUnclaimed(request, end, owners);
  const canAskFlags = libcLoaded();
  let lastResort: number | undefined;
  for (let fd = request.first; fd <= end; fd++) {
    if (request.keep.includes(fd)) continue;
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (canAskFlags && (libc().fcntl(fd, F_GETFD, 0) & FD_CLOEXEC) === 0) return close(fd);
    if (runtime.ownsEveryCloexecFd) continue; // Deno: any of them may back one of its resources
    if (mayBeEmfileReserve(target)) lastResort = fd;
    else if (kindOfLinkTarget(target) === undefined) return close(fd);
  }
  return lastResort !== undefined && close(lastResort);
}

function freeUnclaimed(request: RangeRequest, end: number, owners: ReadonlyMap<number, unknown>): boolean {
  for (let fd = request.first; fd <= end; fd++) {
    if (request.keep.includes(fd) || owners.has(fd)) continue;
    try {
      readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    return close(fd);
  }
  return false;
}

// Through libc once it is loaded: Deno's closeSync refuses fds Deno did not open.
function close(fd: number): true {
  if (libcLoaded()) libc().close(fd);
  else closeSync(fd);
  return true;
}
