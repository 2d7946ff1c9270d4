// Fds that other runtime threads may hold, which this thread cannot ask
// about: while a worker is alive, every close-on-exec fd (its event loop,
// its EMFILE reserve, the sockets and pipes behind its handles, the modules
// it loads through its own threadpool, which this thread's resource list
// does not show: closing one of those under it aborts node); while one
// starts, /proc/self/maps and the node binary, which V8 opens without
// O_CLOEXEC to build its isolate; and the files and sockets libuv's threadpool
// opens for a request in flight (fs.promises.open; dns.lookup reading
// /etc/hosts or asking a DNS server over a socket), whose number the caller
// does not hold yet. Everything else is the caller's even then.
import { realpathSync } from 'node:fs';
import { FD_CLOEXEC, F_GETFD, libc } from '../native/libc.js';
import { libuv } from '../native/libuv.js';
import { isMainThread } from '../runtime/main-thread.js';
import { nodeActivity } from '../runtime/node-activity.js';
import type { FdOwner, TableLook } from './owner.js';

let startupFiles: Set<string> | undefined;

const isWorkerStartupTarget = (target: string): boolean =>
  (startupFiles ??= new Set([`/proc/${process.pid}/maps`, realpathSync(process.execPath)])).has(target);

export const threadsOwner: FdOwner = {
  claim(look, claim) {
    const workers = nodeActivity.otherThreads();
    const starting = workers && nodeActivity.workerStarting();
    const threadpool = threadpoolOpening();
    const resolving = threadpool && nodeActivity.resolving();
    if (!workers && !threadpool) return;
    // Flags first, links only where they decide: the shorter the look, the
    // shorter the window in which another thread can reuse a number it saw.
    for (const fd of look.fds) {
      if (look.cloexec(fd)) {
        if (workers) claim(fd, 'worker');
        else if (threadpoolFile(look.target(fd) ?? '', resolving)) claim(fd, 'node:threadpool');
      } else if (workers && (changedHands(fd) || (starting && isWorkerStartupFd(look, fd)))) {
        claim(fd, 'worker');
      }
    }
  },
};

const threadpoolFile = (target: string, resolving: boolean): boolean =>
  target.startsWith('/') || (resolving && target.startsWith('socket:'));

function isWorkerStartupFd(look: TableLook, fd: number): boolean {
  const target = look.target(fd);
  return target !== undefined && isWorkerStartupTarget(target) && look.readOnly(fd);
}

// Closed, or close-on-exec, since the look read its flags: the number now
// holds what another thread opened meanwhile.
function changedHands(fd: number): boolean {
  const fdFlags = libc().fcntl(fd, F_GETFD, 0);
  return fdFlags < 0 || (fdFlags & FD_CLOEXEC) !== 0;
}

// Node lists a finished request until its callback has run (the turn after
// an await); libuv's own count drops first, so both must say it is in flight.
function threadpoolOpening(): boolean {
  if (!nodeActivity.threadpoolBusy()) return false;
  const uv = isMainThread() ? libuv() : null; // the default loop is the main thread's
  return uv === null || uv.activeRequests() > 0;
}

/** Whether a described fd may be one V8 holds for a moment while a worker starts. */
export const mayBeWorkerStartupFd = ({ cloexec, access, target }: { cloexec: boolean; access: string; target: string }): boolean =>
  !cloexec && access === 'r' && nodeActivity.workerStarting() && isWorkerStartupTarget(target);
