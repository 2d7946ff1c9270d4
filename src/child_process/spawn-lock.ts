// Every thread of a process shares one descriptor table. While one thread
// holds a passFds descriptor inheritable, a child started by another thread
// would inherit it too, and another thread's cloexecFrom(3) would take it
// away again before the fork. So a start that holds passFds inheritable takes
// a process-wide lock exclusive, and every other start takes it shared: it
// never forks inside another thread's passFds window, and shared holders never
// wait for each other. A synchronous start holds the lock for its child's whole
// run (the fork happens inside spawnSync, which returns when the child ends),
// so a worker's execSync('sleep 3') delays only starts with passFds elsewhere,
// never a plain spawn() on the main thread.
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
import { EWOULDBLOCK, F_GETOWN_EX, F_OWNER_TID, F_SETOWN_EX, LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN, O_CLOEXEC, O_RDONLY, libc } from '../native/libc.js';

const LOCK_FILE = '/proc/self/stat';
const LOOK_FOR_DEAD_HOLDERS_EVERY_MS = 50;
// An exclusive holder keeps the lock for one spawn (milliseconds), a shared
// one for a synchronous child's run; past this, go on unserialized.
const MAX_WAIT_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let threadId: number | undefined;

/** 'exclusive' while passFds are held inheritable, 'shared' for a start that changes no flags. */
export type SpawnLockMode = 'shared' | 'exclusive';

export function withSpawnLock<T>(mode: SpawnLockMode, critical: () => T): T {
  const { open, close } = libc();
  const lockFd = open(LOCK_FILE, O_RDONLY | O_CLOEXEC, 0);
  // No procfs, or a full table: nothing to lock on, so threads are not serialized.
  if (lockFd < 0) return critical();
  try {
    libc().fcntlOwner(lockFd, F_SETOWN_EX, new Int32Array([F_OWNER_TID, currentThreadId()]));
    acquire(lockFd, mode === 'exclusive' ? LOCK_EX : LOCK_SH);
    return critical();
  } finally {
    close(lockFd); // releases the lock with the open file description
  }
}

function acquire(lockFd: number, operation: number): void {
  const { flock } = libc();
  for (let waited = 1; waited <= MAX_WAIT_MS; waited++) {
    if (flock(lockFd, operation | LOCK_NB) !== EWOULDBLOCK) return;
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
