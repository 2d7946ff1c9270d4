// What the child inherits. libuv's child only dup2s the stdio entries into
// place and closes nothing else, so every fd of the parent without FD_CLOEXEC
// reaches it. uv_spawn forks and execs before spawn() returns, so for the
// length of that synchronous call: every fd >= 3 is marked close-on-exec (one
// close_range call), passFds are made inheritable, and afterwards passFds get
// their flags back. The other fds stay close-on-exec in the parent, which is
// what a parent wants anyway: later children, from any API, inherit nothing.
import { cloexecFrom } from '../close-range.js';
import { invalidArgValue } from '../errors.js';
import { fdFlagsOfOpen } from '../fd-flags.js';
import { FD_CLOEXEC, F_SETFD, libc } from '../native/libc.js';
import type { FdHandoff } from './options.js';
import { withSpawnLock } from './spawn-lock.js';
import { stdioEntries, stdioEntryReplacing, type StdioDefaults } from './stdio-slots.js';

export function startWithHandoff<T>(handoff: FdHandoff, defaults: StdioDefaults, start: () => T): T {
  if (!handoff.closeFds && handoff.passFds.length === 0) return start();
  if (handoff.passFds.length > 0) assertNoStdioCollision(handoff, defaults);
  return withSpawnLock(() => {
    const savedFlags = fdFlagsOfOpen(handoff.passFds, 'options.passFds');
    if (handoff.closeFds) cloexecFrom(3);
    const { fcntl } = libc();
    handoff.passFds.forEach((fd, index) => fcntl(fd, F_SETFD, savedFlags[index] & ~FD_CLOEXEC));
    try {
      return start();
    } finally {
      handoff.passFds.forEach((fd, index) => {
        const markedByCloseFds = handoff.closeFds && fd >= 3 ? FD_CLOEXEC : 0;
        fcntl(fd, F_SETFD, savedFlags[index] | markedByCloseFds);
      });
    }
  });
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
