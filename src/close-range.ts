// closeRange, closeFrom and cloexecFrom: close_range(2) semantics, plus keep
// lists and the runtime guard, over whichever mechanism works here.
import { FD_MAX } from './constants.js';
import { unsafeUnshare } from './errors.js';
import { applyToOneRangeDirectly, applyToRanges } from './mechanisms/chain.js';
import { gapsAround, kernelFlags, normalizeOptions, runsOfOpen, toRangeRequest, type RangeRequest } from './range-request.js';
import { runtime } from './runtime/detect.js';
import { cachedRuntimeFdsIn, debugSpared, forgetRuntimeFds, viewRuntime } from './runtime/guard.js';
import { freeOneDescriptor, isTableFull } from './runtime/table-full.js';
import { runtimeUnsupported } from './runtime/unsupported.js';
import type { RangeOptions } from './types.js';
import { isFdNumber, validateOptionalFd } from './validate.js';

/** Closes (or marks close-on-exec) every open fd in first..last, like close_range(2). */
export function closeRange(first: number, last: number = FD_MAX, flags: number | RangeOptions = 0): void {
  if (flags === 0 && isFdNumber(first) && isFdNumber(last) && first <= last && closeOwnRangeDirectly(first, last)) return;
  applyRange(toRangeRequest(first, last, flags, 'flags'));
}

// The common calls, closeRange(lo, hi) and closeFrom(3) with a cached
// answer, one syscall per gap between spared fds, without the general
// path's allocations and dispatch, which at 4 fds cost about as much as the
// syscall itself. Anything else (no cached answer, close_range not usable)
// takes the general path; a refusal after earlier gaps were closed is safe
// to hand on, since closing again is a no-op.
function closeOwnRangeDirectly(first: number, last: number): boolean {
  const spared = cachedRuntimeFdsIn(first, last);
  if (spared === undefined) return false;
  let start = first;
  for (const fd of spared) {
    if (fd > start && !applyToOneRangeDirectly(start, fd - 1, 0)) return false;
    start = fd + 1;
  }
  if (start <= last && !applyToOneRangeDirectly(start, last, 0)) return false;
  if (spared.length > 0) debugSpared(spared, first, last);
  return true;
}

/** closeRange(first, FD_MAX, options): everything from `first` up. */
export function closeFrom(first?: number, options?: RangeOptions): void {
  if (options === undefined && (first === undefined || isFdNumber(first)) && closeOwnRangeDirectly(first ?? 3, FD_MAX)) return;
  applyRange(toRangeRequest(validateOptionalFd(first, 'first', 3), FD_MAX, options, 'options'));
}

/** Marks every fd from `first` up close-on-exec; always safe inside a live runtime. */
export function cloexecFrom(first?: number, options?: RangeOptions): void {
  const from = validateOptionalFd(first, 'first', 3);
  applyRange(toRangeRequest(from, FD_MAX, { ...normalizeOptions(options, 'options'), cloexec: true }, 'options'));
}

function applyRange(request: RangeRequest): void {
  if (request.unshare && !request.beforeExec) throw unsafeUnshare();
  // With unshare the closing happens in a table the runtime's threads do not share.
  if (request.beforeExec && !request.cloexec && !request.unshare && runtime.ownFdsMustStayOpen) {
    throw runtimeUnsupported(
      'Closing with beforeExec',
      runtime.displayName,
      runtime.ownFdsMustStayOpen,
      'mark them close-on-exec instead (cloexecFrom(3), or execve() from close-range, which does; the exec then ' +
        'closes them), or add unshare: true to close them in a table of this thread only',
    );
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const { ranges, spared } = rangesFor(request);
      applyToRanges(ranges, kernelFlags(request));
      // After the close: printing may create process.stderr, and libuv a reserve fd with it, which the close must not hit.
      debugSpared(spared, request.first, request.last);
      break;
    } catch (error) {
      // The guard's look at the table or the FFI's first load needs a
      // descriptor: free one that this call closes anyway, as glibc's
      // closefrom does. Loading koffi keeps one for good on Node 22+ (it
      // creates process.stderr, and libuv its reserve fd), hence a second try.
      if (!isTableFull(error) || attempt > MAX_DESCRIPTORS_TO_FREE) throw error;
      if (request.cloexec || !freeOneDescriptor(request)) throw error;
    }
  }
  if (request.beforeExec && !request.cloexec) forgetRuntimeFds();
}

const MAX_DESCRIPTORS_TO_FREE = 3;

const NOTHING_SPARED: readonly number[] = [];

function rangesFor(request: RangeRequest): { ranges: Array<[number, number]>; spared: readonly number[] } {
  const { first, last, keep } = request;
  // Marking close-on-exec cannot hurt the runtime: its fds already are.
  if (request.cloexec || request.beforeExec) return { ranges: gapsAround(first, last, keep), spared: NOTHING_SPARED };
  const { spared, open } = viewRuntime(first, last);
  if (open !== undefined) return { ranges: runsOfOpen(first, last, open, new Set([...spared, ...keep])), spared };
  if (keep.length === 0) return { ranges: gapsAround(first, last, spared), spared };
  if (spared.length === 0) return { ranges: gapsAround(first, last, keep), spared };
  return { ranges: gapsAround(first, last, [...spared, ...keep].sort((a, b) => a - b)), spared };
}
