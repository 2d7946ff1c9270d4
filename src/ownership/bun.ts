// What Bun holds: its event loops (the main thread's epoll and eventfd, at
// 3 and 4 in a fresh process, one pair per Worker, one for fetch's HTTP
// thread) with everything registered in them (servers, sockets, Bun.spawn
// pipes and pidfds), and its close-on-exec copies of fds 1 and 2, through
// which process.stdout and process.stderr write. The rest is the user's,
// close-on-exec or not: files from node:fs or Bun.file, FFI's pipes and eventfds.
import { eventLoopFds } from './event-loops.js';
import type { FdOwner } from './owner.js';
import { isCopyOfStdio } from './stdio-copies.js';

export const bunOwner: FdOwner = {
  claim(look, claim) {
    const held = eventLoopFds(look);
    for (const fd of look.fds) {
      if (held.has(fd)) claim(fd, 'bun');
      else if (fd > 2 && look.cloexec(fd) && (look.target(fd) === undefined || isCopyOfStdio(fd))) claim(fd, 'bun');
    }
  },
  // Bun tells nothing when it opens or closes one: process.getActiveResourcesInfo()
  // is always empty and Workers publish nothing on diagnostics_channel.
  changedSinceClaim: () => true,
};
