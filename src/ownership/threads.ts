// Fds that other runtime threads may hold, which this thread cannot ask
// about: a worker's event loop (epoll, eventfd, signal pipe, io_uring ring),
// its EMFILE reserve and the sockets and pipes behind its handles, while a
// worker is alive; the files Node and V8 read while a worker starts (its
// modules; /proc/self/maps and the node binary, opened without O_CLOEXEC
// while V8 builds its isolate); and the files and sockets libuv's threadpool
// opens for a request in flight (fs.promises.open; dns.lookup reading
// /etc/hosts or asking a DNS server over a socket), whose number the caller
// does not hold yet. Everything else is the caller's even then.
import { realpathSync } from 'node:fs';
import { libuv } from '../native/libuv.js';
import { isMainThread } from '../runtime/main-thread.js';
import { nodeActivity } from '../runtime/node-activity.js';
import type { FdOwner, TableLook } from './owner.js';

const THREAD_INFRASTRUCTURE = /^(anon_inode:|pipe:|socket:|\/dev\/null$|\/$)/;

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
    for (const fd of look.fds) {
      const target = look.target(fd);
      if (target === undefined) continue;
      if (!look.cloexec(fd)) {
        if (starting && isWorkerStartupTarget(target) && look.readOnly(fd)) claim(fd, 'worker');
      } else if (workers && (starting || isThreadInfrastructure(look, fd, target))) {
        claim(fd, 'worker');
      } else if (threadpool && (target.startsWith('/') || (resolving && target.startsWith('socket:')))) {
        claim(fd, 'node:threadpool');
      }
    }
  },
};

// Node lists a finished request until its callback has run (the turn after
// an await); libuv's own count drops first, so both must say it is in flight.
function threadpoolOpening(): boolean {
  if (!nodeActivity.threadpoolBusy()) return false;
  const uv = isMainThread() ? libuv() : null; // the default loop is the main thread's
  return uv === null || uv.activeRequests() > 0;
}

function isThreadInfrastructure(look: TableLook, fd: number, target: string): boolean {
  return THREAD_INFRASTRUCTURE.test(target) && (!target.startsWith('/') || look.readOnly(fd));
}

/** Whether a described fd may be one V8 holds for a moment while a worker starts. */
export const mayBeWorkerStartupFd = ({ cloexec, access, target }: { cloexec: boolean; access: string; target: string }): boolean =>
  !cloexec && access === 'r' && nodeActivity.workerStarting() && isWorkerStartupTarget(target);
