import { libc } from '../native/libc.js';
import type { Mechanism } from './mechanism.js';

/** The kernel call itself: Linux 5.9, CLOSE_RANGE_CLOEXEC since 5.11. */
export const closeRangeSyscall: Mechanism = {
  name: 'close_range',
  closeRange: (first, last, flags) => libc().closeRange(first, last, flags),
};
