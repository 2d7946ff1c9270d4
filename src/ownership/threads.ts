// Fds that other runtime threads may hold, which this thread cannot ask
// about: a worker's event loop (epoll, eventfd, signal pipe, io_uring ring),
// its EMFILE reserve and the sockets and pipes behind its handles, while a
// worker is alive; the files Node and V8 read while a worker starts (its
// modules; /proc/self/maps and the node binary, opened without O_CLOEXEC
// while V8 builds its isolate); and the files and sockets libuv's threadpool
// opens for a request in flight (fs.promises.open, dns.lookup reading
// /etc/hosts), whose number the caller does not hold yet. Everything else,
// a regular file above all, is the caller's even then.
import { realpathSync } from 'node:fs';
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
    const threadpool = nodeActivity.threadpoolBusy();
    if (!workers && !threadpool) return;
    for (const fd of look.fds) {
      const target = look.target(fd);
      if (target === undefined) continue;
      if (!look.cloexec(fd)) {
        if (starting && isWorkerStartupTarget(target) && look.readOnly(fd)) claim(fd, 'worker');
      } else if (workers && (starting || isThreadInfrastructure(look, fd, target))) {
        claim(fd, 'worker');
      } else if (threadpool && (target.startsWith('/') || target.startsWith('socket:'))) {
        claim(fd, 'node:threadpool');
      }
    }
  },
};

function isThreadInfrastructure(look: TableLook, fd: number, target: string): boolean {
  return THREAD_INFRASTRUCTURE.test(target) && (!target.startsWith('/') || look.readOnly(fd));
}

/** Whether a described fd may be one V8 holds for a moment while a worker starts. */
export const mayBeWorkerStartupFd = ({ cloexec, access, target }: { cloexec: boolean; access: string; target: string }): boolean =>
  !cloexec && access === 'r' && nodeActivity.workerStarting() && isWorkerStartupTarget(target);
