// Every thread of a process shares one descriptor table. While one thread
// holds a passFds descriptor inheritable, a child started by another thread
// would inherit it too, and another thread's cloexecFrom(3) would take it
// away again before the fork. So starting a child is serialized across the
// process's threads (worker_threads included).
//
// flock(2) locks belong to the open file description, so two opens of the
// same file exclude each other even inside one process. /proc/self/stat is
// the thread-group leader's entry from every thread and exists once per
// process, so the lock never reaches another process.
//
// A worker terminated while it holds the lock runs no finally block: its lock
// fd stays open, and the lock held, for good. So each lock fd is tagged with
// the thread that opened it (F_SETOWN_EX) before it locks, and a thread that
// has waited a while unlocks the lock fds whose thread no longer exists (the
// kernel then reports owner 0, as for an fd not tagged yet, which holds no lock).
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { EWOULDBLOCK, F_GETOWN_EX, F_OWNER_TID, F_SETOWN_EX, LOCK_EX, LOCK_NB, LOCK_UN, O_CLOEXEC, O_RDONLY, libc } from '../native/libc.js';

const LOCK_FILE = '/proc/self/stat';
const LOOK_FOR_DEAD_HOLDERS_EVERY_MS = 50;
// A live holder keeps the lock for one spawn (milliseconds); past this, go on unserialized.
const MAX_WAIT_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let threadId: number | undefined;
// User code that node runs inside spawn() (a getter, a Proxy) may start a child itself.
let heldByThisThread = false;

export function withSpawnLock<T>(critical: () => T): T {
  if (heldByThisThread) return critical();
  const { open, close } = libc();
  const lockFd = open(LOCK_FILE, O_RDONLY | O_CLOEXEC, 0);
  // No procfs, or a full table: nothing to lock on, so threads are not serialized.
  if (lockFd < 0) return critical();
  try {
    libc().fcntlOwner(lockFd, F_SETOWN_EX, new Int32Array([F_OWNER_TID, currentThreadId()]));
    acquire(lockFd);
    heldByThisThread = true;
    return critical();
  } finally {
    heldByThisThread = false;
    close(lockFd); // releases the lock with the open file description
  }
}

function acquire(lockFd: number): void {
  const { flock } = libc();
  for (let waited = 1; waited <= MAX_WAIT_MS; waited++) {
    if (flock(lockFd, LOCK_EX | LOCK_NB) !== EWOULDBLOCK) return;
    if (waited % LOOK_FOR_DEAD_HOLDERS_EVERY_MS === 0 && currentThreadId() > 0) unlockForDeadThreads(lockFd);
    Atomics.wait(sleeper, 0, 0, 1);
  }
}

/** Unlocks lock fds whose tagged thread has exited; each stays open (close-on-exec), harmless. */
function unlockForDeadThreads(ownLockFd: number): void {
  const lockTarget = readlinkSync(`/proc/self/fd/${ownLockFd}`);
  const { fcntlOwner, flock } = libc();
  for (const name of readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    if (fd === ownLockFd || linkTarget(fd) !== lockTarget) continue;
    const owner = new Int32Array(2);
    if (fcntlOwner(fd, F_GETOWN_EX, owner) < 0) continue;
    if (owner[1] === 0 || !existsSync(`/proc/self/task/${owner[1]}`)) flock(fd, LOCK_UN);
  }
}

function linkTarget(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** This thread's kernel id (each worker has its own module instance, so its own cache). */
function currentThreadId(): number {
  if (threadId === undefined) {
    try {
      threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1)); // "PID/task/TID"
    } catch {
      threadId = 0; // before Linux 3.17: lock fds cannot be told apart, so none is unlocked
    }
  }
  return threadId;
}
