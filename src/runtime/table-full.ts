// With RLIMIT_NOFILE reached, the guard's directory read and the FFI's first
// load each need one descriptor. Like glibc's closefrom, free one that the
// call would close anyway, then go on.
import { closeSync, readlinkSync } from 'node:fs';
import { kindOfLinkTarget } from '../fds/kind.js';
import type { RangeRequest } from '../range-request.js';

// A full table has every number below the soft limit open, so the first
// candidate is almost always `first` itself; this only bounds a bad case.
const MAX_CANDIDATES = 4096;

export function isTableFull(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'EMFILE' || (typeof message === 'string' && message.includes('Too many open files'));
}

/** Closes the lowest fd of the range that is plainly a user's file; false if none is found. */
export function freeOneDescriptor(request: RangeRequest): boolean {
  const end = Math.min(request.last, request.first + MAX_CANDIDATES);
  for (let fd = request.first; fd <= end; fd++) {
    if (request.keep.includes(fd)) continue;
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    // Pipes, sockets, terminals, anon inodes and /dev/null may be the runtime's.
    if (kindOfLinkTarget(target) !== undefined || target === '/dev/null' || target === '/') continue;
    closeSync(fd);
    return true;
  }
  return false;
}
