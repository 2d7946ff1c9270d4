import type { CommandName } from './arguments.js';

const SECTIONS: Record<CommandName, string> = {
  exec: `close-range exec [--keep FD[,FD...]] [--from N] [--unshare] -- COMMAND [ARG...]
  Run COMMAND in place of close-range (same pid) with only descriptors 0-2,
  the --keep ones and those below --from open. COMMAND is searched in PATH.
    --keep FD[,FD...]  also pass these descriptors on (repeatable; each one
                       the caller passed open, else exit 125)
    --from N           pass on every descriptor below N (default 3)
    --unshare          close in a private descriptor table (CLOSE_RANGE_UNSHARE)
  Exit status: COMMAND's own; 125 usage error, 126 COMMAND found but not
  executable, 127 COMMAND not found (as env(1)).
  Example: close-range exec --keep 3 -- ./server --listen-fd 3`,
  list: `close-range list [--pid PID] [--sockets] [--json]
  Show the open descriptors: FD TYPE ACCESS CLOEXEC TARGET. Without --pid, the
  ones close-range inherited from its caller, i.e. what the caller hands to
  every child it starts (the runtime's own descriptors are left out).
  Control characters in targets are escaped (\\n, \\x1b, \\\\).
    --pid PID  another process (needs permission to read /proc/PID/fd; when
               its fdinfo is unreadable, ACCESS and CLOEXEC show as ?)
    --sockets  socket addresses and state as lsof shows them
    --json     an array of FdInfo objects instead of the table
  Example: close-range list --pid $$`,
  audit: `close-range audit [--pid PID] [--sockets] [--json]
  Show the descriptors >= 3 a child would inherit (no close-on-exec) and exit
  with 1 if there are any, 0 if there are none: a gate for CI and entrypoints.
    --pid PID  audit another process instead of what the caller passed
    --sockets  socket addresses and state as lsof shows them
    --json     an array of FdInfo objects instead of the table
  Example: close-range audit || echo 'descriptors leak into children'`,
  probe: `close-range probe [--json]
  Show the kernel release and which way of closing descriptors works here, and
  why: close_range(2), its CLOEXEC and UNSHARE flags, the /proc/self/fd walk.
    --json     the same as an object
  Example: close-range probe --json`,
};

export function helpText(topic?: CommandName): string {
  if (topic !== undefined) return `Usage: ${SECTIONS[topic]}\n`;
  return `close-range: close inherited file descriptors, and see which ones a process holds.

Usage:
${Object.values(SECTIONS).join('\n\n').replace(/^(?=.)/gm, '  ')}

  close-range --help | --version

Exit status 125 means close-range itself failed (usage error, unreadable process).
`;
}
