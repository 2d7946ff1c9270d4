export interface RangeOptions {
  /** Set FD_CLOEXEC on the range instead of closing (CLOSE_RANGE_CLOEXEC). */
  cloexec?: boolean;
  /** Give the calling thread a private descriptor table first (CLOSE_RANGE_UNSHARE). */
  unshare?: boolean;
  /** Leave these descriptors untouched; the gaps around them are handled one call each. */
  keep?: Iterable<number>;
  /** The caller is about to exec: descriptors the runtime owns are closed too. */
  beforeExec?: boolean;
}
