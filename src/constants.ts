export const CLOSE_RANGE_UNSHARE = 2;
export const CLOSE_RANGE_CLOEXEC = 4;
/** The largest descriptor number close_range(2) accepts: ~0U. */
export const FD_MAX = 0xffffffff;
