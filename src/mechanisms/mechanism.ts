export type MechanismName = 'close_range' | 'procfs' | 'brute-force';

/** Sub-ranges first..last to act on: ascending, disjoint, valid (first <= last). */
export type FdRanges = ReadonlyArray<readonly [first: number, last: number]>;

/**
 * One way of doing close_range(2) over several ranges. Every mechanism keeps
 * the kernel's semantics: CLOSE_RANGE_UNSHARE first gives the calling thread a
 * private table (even when `ranges` is empty), CLOSE_RANGE_CLOEXEC marks
 * instead of closing, holes are skipped, errors closing single fds ignored.
 */
export interface Mechanism {
  readonly name: MechanismName;
  /** Whether it can work here for these flags; may ask the kernel, never changes the table. */
  isAvailable(flags: number): boolean;
  /** true once done; false, having changed nothing, when it cannot work here; throws real errors. */
  apply(ranges: FdRanges, flags: number): boolean;
}
