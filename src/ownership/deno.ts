// What Deno holds: its event loops (a tokio runtime per thread: an epoll fd,
// a dup of it and the eventfd that wakes it) with everything registered in
// them (servers, sockets, Deno.Command and node:child_process pipes, pidfds,
// its signal driver's socket), and its copies of stdio. Files are another
// matter: Deno.open files, node:fs fds (Deno's node:fs keeps a table of them)
// and its module cache's SQLite databases are all close-on-exec paths, and
// Deno maps no resource to an fd in any public API, so every close-on-exec
// path is kept, as a resource Deno may hold for the program ('deno:resource',
// which a leak check still reports); every close-on-exec socket is kept as
// Deno's own, for its signal thread's self-pipe is a socket pair registered
// in no epoll. What Deno cannot hold is closed: fds without close-on-exec,
// and close-on-exec pipes, eventfds and epolls in none of its loops (FFI's).
import { eventLoopFds } from './event-loops.js';
import type { FdOwner, OwnerName } from './owner.js';
import { isCopyOfStdio } from './stdio-copies.js';

export const denoOwner: FdOwner = {
  claim(look, claim) {
    const held = eventLoopFds(look);
    for (const fd of look.fds) {
      const owner = held.has(fd) ? 'deno' : fd > 2 && look.cloexec(fd) ? ownerOutsideLoops(fd, look.target(fd)) : undefined;
      if (owner !== undefined) claim(fd, owner);
    }
  },
  // Deno tells nothing when a resource opens or closes.
  changedSinceClaim: () => true,
};

function ownerOutsideLoops(fd: number, target: string | undefined): OwnerName | undefined {
  if (isCopyOfStdio(fd)) return 'deno';
  if (target === undefined) return 'deno'; // no procfs: nothing can be told apart
  if (target.startsWith('/')) return 'deno:resource';
  if (target.startsWith('socket:')) return 'deno';
  return undefined; // pipes and anon inodes are Deno's only when in its loops
}
