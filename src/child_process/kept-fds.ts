// The fds every child inherits on purpose (close-range/register's conventions:
// CLOSE_RANGE_KEEP, make's jobserver): closeFds marks every fd >= 3 but these.
// None unless the process registered.
let kept: readonly number[] = [];
let beforeFirstUse: (() => void) | undefined;

/** `prepare` runs once, before the first child start that reads the list. */
export function keepInheritable(fds: readonly number[], prepare: () => void): void {
  kept = fds;
  beforeFirstUse = prepare;
}

export function keptFds(): readonly number[] {
  const prepare = beforeFirstUse;
  beforeFirstUse = undefined;
  prepare?.();
  return kept;
}
