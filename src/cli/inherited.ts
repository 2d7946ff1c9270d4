// Which of the startup descriptors the caller handed over at exec, and which
// ones Node opened itself while starting.
//
// Everything that survives an exec lacked FD_CLOEXEC in the caller, and Node
// opens all of its own fds with O_CLOEXEC. But libuv marks fds 0..15
// close-on-exec at start-up (then on above 15 up to the first closed fd),
// before the event loops exist, and Node's own fds then fill the lowest gaps.
// Inside that marked run both look alike, so the kind decides: the runtime
// opens event-poll fds, eventfds and pipes of which it holds a read end and a
// write end; a caller hands over files, terminals, sockets and pipe ends.
import { startupFds, type StartupFd } from './startup-fds.js';

const LIBUV_MARKS_UP_TO = 15;
const O_RDONLY = 0;
const O_WRONLY = 1;

/** The descriptors the caller passed, ascending; each lacked close-on-exec in the caller. */
export function inheritedFds(snapshot: readonly StartupFd[] = startupFds): number[] {
  const markedUpTo = lastOfMarkedRun(snapshot);
  const runtimePipes = pipesWithBothEnds(snapshot.filter(({ cloexec }) => cloexec));
  return snapshot
    .filter(({ fd, target, cloexec }) => {
      if (!cloexec || fd <= 2) return true;
      if (fd > markedUpTo) return false;
      return !target.startsWith('anon_inode:') && !runtimePipes.has(target);
    })
    .map(({ fd }) => fd);
}

// An upper bound: the runtime's own fds may continue the run above 15;
// their kind sorts them out.
function lastOfMarkedRun(snapshot: readonly StartupFd[]): number {
  const open = new Set(snapshot.map(({ fd }) => fd));
  let last = LIBUV_MARKS_UP_TO;
  while (open.has(last + 1)) last++;
  return last;
}

function pipesWithBothEnds(fds: readonly StartupFd[]): Set<string> {
  const readEnds = new Set(fds.filter((f) => f.target.startsWith('pipe:') && f.accessMode === O_RDONLY).map((f) => f.target));
  return new Set(fds.filter((f) => f.accessMode === O_WRONLY && readEnds.has(f.target)).map((f) => f.target));
}
