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
import { LOCK_EX, LOCK_NB, O_CLOEXEC, O_RDONLY, libc } from '../native/libc.js';

const EWOULDBLOCK = -11;
// A worker terminated while it held the lock leaves it held for good (no
// finally runs on termination): after this long, go on without it.
const MAX_WAIT_MS = 1000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function withSpawnLock<T>(critical: () => T): T {
  const { open, close } = libc();
  const lockFd = open('/proc/self/stat', O_RDONLY | O_CLOEXEC, 0);
  // No procfs, or a full table: nothing to lock on, so threads are not serialized.
  if (lockFd < 0) return critical();
  try {
    acquire(lockFd);
    return critical();
  } finally {
    close(lockFd); // releases the lock with the open file description
  }
}

function acquire(lockFd: number): void {
  const { flock } = libc();
  for (let waited = 0; waited < MAX_WAIT_MS; waited++) {
    if (flock(lockFd, LOCK_EX | LOCK_NB) !== EWOULDBLOCK) return;
    Atomics.wait(sleeper, 0, 0, 1);
  }
}
