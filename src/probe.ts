import { CLOSE_RANGE_CLOEXEC, FD_MAX } from './constants.js';
import { currentMechanism } from './mechanisms/chain.js';
import { closeRangeSyscall } from './mechanisms/close-range-syscall.js';

export interface ProbeResult {
  /** The mechanism closeRange uses here. */
  mechanism: 'close_range' | 'procfs' | 'brute-force';
  /** close_range(2) answers (Linux >= 5.9, not refused by seccomp). */
  closeRange: boolean;
  /** CLOSE_RANGE_CLOEXEC is understood (Linux >= 5.11). */
  cloexec: boolean;
  /** CLOSE_RANGE_UNSHARE is available. */
  unshare: boolean;
}

/** Asks the kernel, on a descriptor that cannot be open (FD_MAX), what works here. */
export function probe(): ProbeResult {
  const plain = closeRangeSyscall.closeRange(FD_MAX, FD_MAX, 0);
  const cloexec = plain === 0 && closeRangeSyscall.closeRange(FD_MAX, FD_MAX, CLOSE_RANGE_CLOEXEC) === 0;
  return {
    mechanism: currentMechanism().name,
    closeRange: plain === 0,
    cloexec,
    unshare: plain === 0,
  };
}
