// Which descriptors the JavaScript runtime owns: closing one of them breaks
// the live process (the event loop's epoll and wakeup fds, signal pipes,
// sockets behind handles, a worker's loop, libuv's EMFILE reserve).
//
// Every such fd is close-on-exec (libuv opens everything with O_CLOEXEC), and
// none is a regular file or directory: the runtime's fds are pipes, sockets,
// terminals, anon inodes, and libuv's reserve, a read-only /dev/null (or "/").
// A user's close-on-exec pipe or read-only /dev/null looks the same and is
// kept too; it cannot leak into a child anyway.
//
// Classifying needs a readlink per fd (~4 us each), too slow for every call
// with 1000 fds open, so the answer is cached until the runtime visibly
// changes: a worker starts, comes online or exits (each has its own event
// loop), or the set of libuv handles and requests changes (servers, sockets,
// child processes, watchers). Both are observed without a syscall.
import { subscribe } from 'node:diagnostics_channel';
import { readdirSync, readlinkSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { kindOfLinkTarget, type FdType } from '../fds/kind.js';
import { FD_CLOEXEC, F_GETFD, F_GETFL, O_ACCMODE, O_RDONLY, libc } from '../native/libc.js';

const RUNTIME_KINDS = new Set<FdType>([
  'pipe', 'socket', 'tty', 'eventpoll', 'eventfd', 'signalfd', 'timerfd', 'inotify', 'pidfd', 'anon',
]);
const EMFILE_RESERVE_TARGETS = new Set(['/dev/null', '/']);

let cache: { fingerprint: string; runtimeFds: number[] } | undefined;
let workerEvents = 0;
let workersStarting = 0;

subscribe('worker_threads', (message) => {
  const { worker } = message as { worker: Worker };
  workerEvents++;
  workersStarting++;
  // Its loop's fds appear some time after the constructor returns: until
  // 'online', every call looks again.
  let online = false;
  worker.once('online', () => {
    online = true;
    workersStarting--;
    workerEvents++;
  });
  worker.once('exit', () => {
    if (!online) workersStarting--;
    workerEvents++;
  });
});

/** Runtime-owned fds within first..last, ascending. */
export function runtimeFdsIn(first: number, last: number): number[] {
  return currentRuntimeFds().filter((fd) => fd >= first && fd <= last);
}

export function isRuntimeFd(fd: number): boolean {
  return currentRuntimeFds().includes(fd);
}

/** Forgets the cached answer: after the library closed runtime fds itself (beforeExec). */
export function forgetRuntimeFds(): void {
  cache = undefined;
}

function currentRuntimeFds(): number[] {
  const fingerprint = runtimeFingerprint();
  if (cache?.fingerprint !== fingerprint || workersStarting > 0) cache = { fingerprint, runtimeFds: scanRuntimeFds() };
  return cache.runtimeFds;
}

function runtimeFingerprint(): string {
  // Handle and request types only: timers and fs requests come and go all the time.
  const resources = process.getActiveResourcesInfo().filter((name) => name.endsWith('Wrap')).sort();
  return `${workerEvents}|${resources.join(',')}`;
}

function scanRuntimeFds(): number[] {
  const runtimeFds: number[] = [];
  for (const name of readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    if (isRuntimeOwned(fd)) runtimeFds.push(fd);
  }
  return runtimeFds.sort((a, b) => a - b);
}

/** Reads only the link and the fd flags: no new descriptor is needed, even with a full table. */
export function isRuntimeOwned(fd: number): boolean {
  let target: string;
  try {
    target = readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return false; // the directory's own fd, already closed
  }
  const { fcntl } = libc();
  const fdFlags = fcntl(fd, F_GETFD, 0);
  if (fdFlags < 0 || (fdFlags & FD_CLOEXEC) === 0) return false;
  const kind = kindOfLinkTarget(target);
  if (kind !== undefined && RUNTIME_KINDS.has(kind)) return true;
  return EMFILE_RESERVE_TARGETS.has(target) && (fcntl(fd, F_GETFL, 0) & O_ACCMODE) === O_RDONLY;
}
