// Bun's and Deno's event loops, and what is registered in them. Each loop
// (Bun's uSockets loop, a tokio runtime under Deno) is a close-on-exec epoll
// fd with the eventfd that wakes it registered in it; every socket, pipe,
// pidfd or inotify fd the runtime waits on is registered there too, and
// /proc/self/fdinfo/<epoll fd> lists each one ("tfd: <fd> ... ino:<hex>").
// JavaScript cannot reach an epoll, so what is in one is the runtime's.
import { O_CLOEXEC, O_RDONLY, libc } from '../native/libc.js';
import { fileIdentity } from '../fds/stat.js';
import type { TableLook } from './owner.js';

const EVENTPOLL = 'anon_inode:[eventpoll]';
const EVENTFD = 'anon_inode:[eventfd]';
const REGISTRATION = /^tfd:\s+(\d+)\s.*\bino:([0-9a-f]+)/gm;
// "socket:[123]", "pipe:[45]": the inode a registration names, in decimal.
const INODE_IN_TARGET = /^(?:socket|pipe):\[(\d+)\]$/;

interface Registration {
  readonly fd: number;
  readonly inode: number;
}

/**
 * The fds of `look` that are the runtime's event loops or registered in one,
 * with the other fds on the same socket or pipe (a clone the runtime keeps).
 * A loop is a close-on-exec epoll fd holding an eventfd, or holding nothing
 * yet (a Worker's loop being built); a native library's own epoll looks the
 * same and is kept too.
 */
export function eventLoopFds(look: TableLook): Set<number> {
  const held = new Set<number>();
  const heldInodes = new Set<number>();
  for (const fd of look.fds) {
    if (look.target(fd) !== EVENTPOLL || !look.cloexec(fd)) continue;
    const registrations = registrationsOf(fd);
    if (registrations === undefined) continue; // closed meanwhile
    const live = registrations.filter((registration) => isStillRegistered(look, registration));
    const isLoop = registrations.length === 0 || live.some(({ fd: registered }) => look.target(registered) === EVENTFD);
    if (!isLoop) continue;
    held.add(fd);
    for (const registration of live) {
      held.add(registration.fd);
      heldInodes.add(registration.inode);
    }
  }
  for (const fd of look.fds) {
    const inode = INODE_IN_TARGET.exec(look.target(fd) ?? '')?.[1];
    if (inode !== undefined && heldInodes.has(Number(inode))) held.add(fd);
  }
  return held;
}

// A registration outlives its fd number while another fd holds the same
// file: the number then counts only while it still points to that inode.
function isStillRegistered(look: TableLook, { fd, inode }: Registration): boolean {
  if (!look.isOpen(fd)) return false;
  const target = look.target(fd);
  if (target === undefined) return false;
  if (target.startsWith('anon_inode:')) return true; // every anon inode is one inode
  const inTarget = INODE_IN_TARGET.exec(target)?.[1];
  if (inTarget !== undefined) return Number(inTarget) === inode;
  const file = fileIdentity(fd);
  return typeof file !== 'number' && file.inode === inode;
}

let buffer: Uint8Array | undefined;

/** What /proc/self/fdinfo says is registered in epoll fd `fd`; undefined once it is closed. */
export function registrationsOf(fd: number): Registration[] | undefined {
  const text = readFdInfo(fd);
  if (text === undefined) return undefined;
  return [...text.matchAll(REGISTRATION)].map(([, registered, inode]) => ({
    fd: Number(registered),
    inode: Number.parseInt(inode!, 16),
  }));
}

// Through libc, not node:fs: Deno's node:fs asks for permissions on every
// read, and the FFI reads /proc under the same rules everywhere.
function readFdInfo(fd: number): string | undefined {
  const { open, read, close } = libc();
  const info = open(`/proc/self/fdinfo/${fd}`, O_RDONLY | O_CLOEXEC, 0);
  if (info < 0) return undefined;
  try {
    let length = 0;
    for (;;) {
      buffer ??= new Uint8Array(4096);
      if (length === buffer.length) buffer = growTo(buffer, buffer.length * 2);
      const count = read(info, buffer.subarray(length));
      if (count < 0) return undefined;
      if (count === 0) return new TextDecoder().decode(buffer.subarray(0, length));
      length += count;
    }
  } finally {
    close(info);
  }
}

function growTo(old: Uint8Array, size: number): Uint8Array {
  const grown = new Uint8Array(size);
  grown.set(old);
  return grown;
}
