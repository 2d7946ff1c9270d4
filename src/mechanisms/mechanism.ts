/** One way of doing close_range(first, last, flags); every mechanism keeps its semantics. */
export interface Mechanism {
  readonly name: 'close_range' | 'procfs' | 'brute-force';
  /** 0 on success, or a negative errno. */
  closeRange(first: number, last: number, flags: number): number;
}
