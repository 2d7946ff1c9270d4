// What Node opened before any user code ran: other threads' event loops
// (the platform's task scheduler, each an epoll fd, an eventfd, a signal
// pipe and an io_uring ring) and libuv's global signal-lock pipe. Node
// creates them before the default loop, so they have lower numbers than its
// epoll fd; so do fds inherited from the parent, which Node's start-up marks
// close-on-exec up to 15 like its own. What tells them apart: Node's are
// anon inodes or pipes whose both ends this process holds, where an
// inherited pipe is one end (the other is in the parent's family). The set
// is taken at the first look and an fd keeps its place in it only while it
// is the same file, so a number Node gave up and the caller reused is the
// caller's.
import { fileIdentity, isSameFile, type FileIdentity } from '../fds/stat.js';
import type { FdOwner, TableLook } from './owner.js';

const ANON_INODES = new Set(['anon_inode:[eventpoll]', 'anon_inode:[eventfd]', 'anon_inode:[io_uring]']);

let startup: Map<number, FileIdentity> | undefined;

/** An owner for the fds below `bound` (the default loop's epoll fd, as a rule) that Node made at start-up. */
export function nodeStartupOwner(bound: (look: TableLook) => number): FdOwner {
  return {
    claim(look, claim) {
      startup ??= startupFds(look, bound(look));
      for (const [fd, file] of startup) {
        if (look.isOpen(fd) && isSameFile(fileIdentity(fd), file)) claim(fd, 'node:startup');
      }
    },
  };
}

function startupFds(look: TableLook, below: number): Map<number, FileIdentity> {
  const candidates = look.fds.filter((fd) => fd > 2 && fd < below && look.cloexec(fd));
  const pipeEnds = new Map<string, number>();
  for (const fd of candidates) {
    const target = look.target(fd);
    if (target?.startsWith('pipe:')) pipeEnds.set(target, (pipeEnds.get(target) ?? 0) + 1);
  }
  const fds = new Map<number, FileIdentity>();
  for (const fd of candidates) {
    const target = look.target(fd) ?? '';
    if (!ANON_INODES.has(target) && pipeEnds.get(target) !== 2) continue;
    const file = fileIdentity(fd);
    if (typeof file !== 'number') fds.set(fd, file);
  }
  return fds;
}
