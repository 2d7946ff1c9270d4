// closeRange, closeFrom and cloexecFrom: close_range(2) semantics, plus keep
// lists and the runtime guard, over whichever mechanism works here.
import { CLOSE_RANGE_UNSHARE, FD_MAX } from './constants.js';
import { unsafeUnshare } from './errors.js';
import { closeRangeOrThrow } from './mechanisms/chain.js';
import { gapsAround, kernelFlags, normalizeOptions, toRangeRequest, type RangeRequest } from './range-request.js';
import { freeOneDescriptor, isTableFull } from './runtime/table-full.js';
import { forgetRuntimeFds, runtimeFdsIn } from './runtime/guard.js';
import type { RangeOptions } from './types.js';
import { validateOptionalFd } from './validate.js';

/** Closes (or marks close-on-exec) every open fd in first..last, like close_range(2). */
export function closeRange(first: number, last: number = FD_MAX, flags: number | RangeOptions = 0): void {
  applyRange(toRangeRequest(first, last, flags, 'flags'));
}

/** closeRange(first, FD_MAX, options): everything from `first` up. */
export function closeFrom(first?: number, options?: RangeOptions): void {
  applyRange(toRangeRequest(validateOptionalFd(first, 'first', 3), FD_MAX, options, 'options'));
}

/** Marks every fd from `first` up close-on-exec; always safe inside a live runtime. */
export function cloexecFrom(first?: number, options?: RangeOptions): void {
  const from = validateOptionalFd(first, 'first', 3);
  applyRange(toRangeRequest(from, FD_MAX, { ...normalizeOptions(options, 'options'), cloexec: true }, 'options'));
}

function applyRange(request: RangeRequest): void {
  if (request.unshare && !request.beforeExec) throw unsafeUnshare();
  try {
    closeGaps(request);
  } catch (error) {
    if (!isTableFull(error)) throw error;
    // The guard's scan or the FFI's first load needs one descriptor: free the
    // lowest closable fd of the range first, as glibc's closefrom does.
    if (request.cloexec || !freeOneDescriptor(request)) throw error;
    closeGaps(request);
  }
  if (request.beforeExec && !request.cloexec) forgetRuntimeFds();
}

function closeGaps(request: RangeRequest): void {
  // Marking close-on-exec cannot hurt the runtime: its fds already are.
  const guarded = !request.cloexec && !request.beforeExec;
  const protectedFds = guarded ? mergeSorted(request.keep, runtimeFdsIn(request.first, request.last)) : request.keep;
  let flags = kernelFlags(request);
  for (const [first, last] of gapsAround(request.first, request.last, protectedFds)) {
    closeRangeOrThrow(first, last, flags);
    flags &= ~CLOSE_RANGE_UNSHARE; // the table is private after the first call
  }
  // Every fd in the range is kept: the caller still asked for a private table.
  if (flags & CLOSE_RANGE_UNSHARE) closeRangeOrThrow(FD_MAX, FD_MAX, flags);
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
