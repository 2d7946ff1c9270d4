// What the child inherits. libuv's child only dup2s the stdio entries into
// place and closes nothing else, so every fd of the parent without FD_CLOEXEC
// reaches it. uv_spawn forks and execs before spawn() returns, so for the
// length of that synchronous call: every fd >= 3 is marked close-on-exec (one
// close_range call, the kept fds aside), passFds are made inheritable, and
// afterwards passFds get their flags back. The other fds stay close-on-exec in
// the parent, which is what a parent wants anyway: later children, from any
// API, inherit nothing.
import { cloexecFrom } from '../close-range.js';
import { CLOSE_RANGE_CLOEXEC, FD_MAX } from '../constants.js';
import { invalidArgValue } from '../errors.js';
import { fdFlagsOfOpen } from '../fd-flags.js';
import { FD_CLOEXEC, F_SETFD, libc } from '../native/libc.js';
import type { FdHandoff } from './options.js';
import { withSpawnLock } from './spawn-lock.js';
import { keptFds, startState } from './start-state.js';
import { stdioEntries, stdioEntryReplacing, type StdioDefaults } from './stdio-slots.js';

export function startWithHandoff<T>(handoff: FdHandoff, defaults: StdioDefaults, start: () => T): T {
  if (handoff.passFds.length > 0) assertNoStdioCollision(handoff, defaults);
  // A start inside a start is the same child reached through another hook
  // (register's wrappers under a drop-in call), or user code that node runs
  // inside spawn() (a getter, a Proxy): the outer start arranged the table.
  if (startState.startingChild) return withPassFds(handoff, false, start);
  if (!handoff.closeFds && handoff.passFds.length === 0) return asOutermost(start);
  const mode = handoff.passFds.length > 0 ? 'exclusive' : 'shared';
  return withSpawnLock(mode, () => asOutermost(() => withPassFds(handoff, handoff.closeFds, start)));
}

/** Marks every fd >= 3 close-on-exec but the kept ones; needs no lock. */
export function markAllButKept(): void {
  const keep = keptFds();
  // Marking spares nothing of the runtime's (its own fds are close-on-exec
  // already), so the guard's look at the table (~20 us) is skipped where
  // close_range(2) takes the flag; cloexecFrom() has every fallback.
  if (!markWithCloseRange(keep)) cloexecFrom(3, keep.length > 0 ? { keep } : undefined);
}

function markWithCloseRange(keep: readonly number[]): boolean {
  const { closeRange } = libc();
  let first = 3;
  for (const fd of [...keep].sort((a, b) => a - b)) {
    if (fd < first) continue;
    if (fd > first && closeRange(first, fd - 1, CLOSE_RANGE_CLOEXEC) < 0) return false;
    first = fd + 1;
  }
  return first > FD_MAX || closeRange(first, FD_MAX, CLOSE_RANGE_CLOEXEC) >= 0;
}

function asOutermost<T>(start: () => T): T {
  startState.startingChild = true;
  try {
    return start();
  } finally {
    startState.startingChild = false;
  }
}

function withPassFds<T>(handoff: FdHandoff, mark: boolean, start: () => T): T {
  // Checked before anything changes: a passed fd that is not open is an error.
  const savedFlags = fdFlagsOfOpen(handoff.passFds, 'options.passFds');
  if (mark) markAllButKept();
  if (handoff.passFds.length === 0) return start();
  const { fcntl } = libc();
  handoff.passFds.forEach((fd, index) => fcntl(fd, F_SETFD, savedFlags[index] & ~FD_CLOEXEC));
  try {
    return start();
  } finally {
    const kept = keptFds();
    handoff.passFds.forEach((fd, index) => {
      const markedByCloseFds = handoff.closeFds && fd >= 3 && !kept.includes(fd) ? FD_CLOEXEC : 0;
      fcntl(fd, F_SETFD, savedFlags[index] | markedByCloseFds);
    });
  }
}

function assertNoStdioCollision(handoff: FdHandoff, defaults: StdioDefaults): void {
  const entries = stdioEntries(handoff.options?.stdio, defaults);
  handoff.passFds.forEach((fd, index) => {
    const replacement = stdioEntryReplacing(fd, entries);
    if (replacement === undefined) return;
    throw invalidArgValue(
      `options.passFds[${index}]`,
      fd,
      `is also stdio[${fd}] (${replacement}), which the child gets at fd ${fd} instead; ` +
        `remove ${fd} from passFds, or pass the descriptor as stdio[${fd}]`,
    );
  });
}
