// Which of the descriptors open at start-up the caller handed over at exec,
// and which ones Node opened itself while starting.
//
// Everything that survives an exec lacked FD_CLOEXEC in the caller, and Node
// opens all of its own fds with O_CLOEXEC. But libuv marks fds 0..15
// close-on-exec at start-up (then on above 15 up to the first closed fd),
// before the event loops exist, and Node's own fds then fill the lowest gaps.
// Inside that marked run both look alike, so the kind decides: the runtime
// opens event-poll fds, eventfds and pipes of which it holds a read end and a
// write end; a caller hands over files, terminals, sockets and pipe ends.
import { ANON_INODE_TYPES } from '../fds/kind.js';
import { describeFds, type FdInfo } from '../index.js';
import { startupFds } from './startup-fds.js';

const LIBUV_MARKS_UP_TO = 15;

/** What the caller handed over, described now, with close-on-exec as the caller had it: off. */
export function describeInherited(sockets = false): FdInfo[] {
  const atStartup = startupFds;
  if (atStartup === undefined) throw new Error('seeing what was inherited needs procfs mounted at /proc');
  // The same target: a file the loader's threads held for a moment at
  // start-up may have been closed since and its number reused.
  return pickInherited(describeFds({ sockets }).filter(({ fd, target }) => atStartup.get(fd) === target))
    .map((info) => ({ ...info, cloexec: false, runtime: false }));
}

/** The caller's among the fds open at start-up (each described now). */
function pickInherited(fds: readonly FdInfo[]): FdInfo[] {
  const markedUpTo = lastOfMarkedRun(fds);
  const runtimePipes = pipesWithBothEnds(fds.filter(({ cloexec }) => cloexec));
  return fds.filter(({ fd, type, target, cloexec }) => {
    if (!cloexec || fd <= 2) return true;
    if (fd > markedUpTo) return false;
    return !ANON_INODE_TYPES.has(type) && !runtimePipes.has(target);
  });
}

// An upper bound: the runtime's own fds may continue the run above 15;
// their kind sorts them out.
function lastOfMarkedRun(fds: readonly FdInfo[]): number {
  const open = new Set(fds.map(({ fd }) => fd));
  let last = LIBUV_MARKS_UP_TO;
  while (open.has(last + 1)) last++;
  return last;
}

function pipesWithBothEnds(fds: readonly FdInfo[]): Set<string> {
  const pipes = fds.filter(({ type }) => type === 'pipe');
  const readEnds = new Set(pipes.filter(({ access }) => access === 'r').map(({ target }) => target));
  return new Set(pipes.filter(({ access, target }) => access === 'w' && readEnds.has(target)).map(({ target }) => target));
}
