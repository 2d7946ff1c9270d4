import { systemError } from '../errors.js';
import { closeRangeSyscall } from './close-range-syscall.js';
import type { Mechanism } from './mechanism.js';

/** Runs close_range(first, last, flags) with the first mechanism that works here. */
export function closeRangeOrThrow(first: number, last: number, flags: number): void {
  const result = closeRangeSyscall.closeRange(first, last, flags);
  if (result < 0) throw systemError(result, 'close_range');
}

export function currentMechanism(): Mechanism {
  return closeRangeSyscall;
}
