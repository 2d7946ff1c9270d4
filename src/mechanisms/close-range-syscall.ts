import { CLOSE_RANGE_UNSHARE, FD_MAX } from '../constants.js';
import { systemError } from '../errors.js';
import { libc } from '../native/libc.js';
import { mayHaveCloseRange, rememberRefusal } from './close-range-support.js';
import type { FdRanges, Mechanism } from './mechanism.js';

/** The kernel call itself: Linux 5.9, CLOSE_RANGE_CLOEXEC since 5.11; one call per range. */
export const closeRangeSyscall: Mechanism = {
  name: 'close_range',

  isAvailable(flags) {
    if (!mayHaveCloseRange(flags)) return false;
    // No fd can be FD_MAX, so this asks without touching anything; UNSHARE is
    // left out because it would really split the table.
    const result = libc().closeRange(FD_MAX, FD_MAX, flags & ~CLOSE_RANGE_UNSHARE);
    return result === 0 || !rememberRefusal(result, flags);
  },

  apply(ranges: FdRanges, flags: number) {
    if (!mayHaveCloseRange(flags)) return false;
    let remaining = flags;
    for (const [first, last] of ranges) {
      if (!call(first, last, remaining, flags)) return false;
      remaining &= ~CLOSE_RANGE_UNSHARE; // the table is private after the first call
    }
    // Every fd in the range is kept: the caller still asked for a private table.
    if (remaining & CLOSE_RANGE_UNSHARE) return call(FD_MAX, FD_MAX, remaining, flags);
    return true;
  },
};

/** One close_range(first, last, flags): false when it is refused here (nothing changed), else true or a thrown error. */
export function closeRangeOnce(first: number, last: number, flags: number): boolean {
  return mayHaveCloseRange(flags) && call(first, last, flags, flags);
}

// A refusal after earlier ranges succeeded (a filter installed meanwhile) is
// still safe to hand on: closing or marking again is a no-op.
function call(first: number, last: number, flags: number, requested: number): boolean {
  const result = libc().closeRange(first, last, flags);
  if (result === 0) return true;
  if (rememberRefusal(result, requested)) return false;
  throw systemError(result, 'close_range');
}
