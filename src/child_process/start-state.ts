// What every copy of the library loaded in this thread must agree on (the ESM
// and CommonJS builds, two installs in one tree): whether a child start is in
// progress, and which fds every child inherits on purpose (close-range/register's
// conventions: CLOSE_RANGE_KEEP, make's jobserver; none unless registered).
// Kept on the realm's global, so each worker thread has its own.
interface StartState {
  startingChild: boolean;
  kept: readonly number[];
  beforeFirstUse: (() => void) | undefined;
}

const KEY = Symbol.for('close-range.start-state');
const globals = globalThis as { [KEY]?: StartState };
export const startState: StartState = (globals[KEY] ??= { startingChild: false, kept: [], beforeFirstUse: undefined });

/** `prepare` runs once, before the first child start that reads the list. */
export function keepInheritable(fds: readonly number[], prepare: () => void): void {
  startState.kept = fds;
  startState.beforeFirstUse = prepare;
}

export function keptFds(): readonly number[] {
  const prepare = startState.beforeFirstUse;
  startState.beforeFirstUse = undefined;
  prepare?.();
  return startState.kept;
}
