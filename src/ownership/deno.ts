// What Deno holds: its event loops (a tokio runtime per thread: an epoll fd,
// a dup of it and the eventfd that wakes it) with everything registered in
// them (servers, sockets, Deno.Command and node:child_process pipes, pidfds,
// its signal driver's socket), and its copies of stdio. Files are another
// matter: Deno.open files, node:fs fds (Deno's node:fs keeps a table of them)
// and its module cache's SQLite databases are all close-on-exec paths, and
// Deno maps no resource to an fd in any public API, so every close-on-exec
// path is kept as Deno's; so is every close-on-exec socket, for its signal
// thread's self-pipe is a socket pair registered in no epoll. What Deno
// cannot hold is closed: fds without close-on-exec, and close-on-exec pipes,
// eventfds and epolls in none of its loops (opened through FFI).
import { eventLoopFds } from './event-loops.js';
import type { FdOwner } from './owner.js';
import { isCopyOfStdio } from './stdio-copies.js';

export const denoOwner: FdOwner = {
  claim(look, claim) {
    const held = eventLoopFds(look);
    for (const fd of look.fds) {
      if (held.has(fd)) claim(fd, 'deno');
      else if (fd > 2 && look.cloexec(fd) && (mayBeResource(look.target(fd)) || isCopyOfStdio(fd))) claim(fd, 'deno');
    }
  },
  // Deno tells nothing when a resource opens or closes.
  changedSinceClaim: () => true,
};

// Pipes and anon inodes are Deno's only when registered in its loops;
// without procfs (no link to read) nothing can be told apart.
function mayBeResource(target: string | undefined): boolean {
  return target === undefined || !(target.startsWith('pipe:') || target.startsWith('anon_inode:'));
}
