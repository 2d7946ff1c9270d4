// snapshotFds and assertNoFdLeaks: descriptors a piece of code left open.
// An fd is new when its number was free at the snapshot or now names another
// inode (closed and reopened to something else); the runtime's own (a
// worker's event loop, libuv's reserve fd, a terminal reopened for stdout,
// the files V8 reads while a worker starts) are never leaks. With fd tracing
// on, each says who opened it, and a socket or pipe the user's code was seen
// opening counts too (without tracing it looks like the runtime's own); in a
// worker thread, only what this thread was seen opening counts.
import { fdLeak, fdLeakCheckUnreliable, invalidArgType } from '../errors.js';
import { mayBeWorkerStartupFd } from '../ownership/threads.js';
import { isMainThread } from '../runtime/main-thread.js';
import { isTracing, originsOf } from '../trace/origins.js';
import { describeFds } from './describe.js';
import type { FdInfo, FdOrigin, FdSnapshot } from './types.js';

const identity = (info: FdInfo): string => `${info.device}:${info.inode}`;

// A handle's fd is the program's doing (a server left listening, a child's
// pipe, a FileHandle never closed), and so is a file Deno holds for it (Deno.open, node:fs): a leak.
// What the runtime makes for itself, lazily or not, is not; nor is what
// another thread may hold, except a file, which the caller far more likely
// left open than a worker's start or the threadpool.
const HANDLE_OWNERS = new Set(['node:tcp', 'node:pipe', 'node:udp', 'node:poll', 'node:filehandle', 'node:fs-stream', 'deno:resource']);
const MAYBE_OTHER_THREADS = new Set(['worker', 'node:threadpool']);
const isInfrastructure = ({ owner, type }: FdInfo): boolean =>
  owner !== null && !HANDLE_OWNERS.has(owner) && !(MAYBE_OTHER_THREADS.has(owner) && (type === 'file' || type === 'directory'));

export function snapshotFds(): FdSnapshot {
  // A worker shares the table with the main thread and every other worker (a runner's
  // threads pool: other test files, module loads): their fds cannot be told from its own.
  const thisThreadOnly = !isMainThread();
  if (thisThreadOnly && !isTracing()) throw fdLeakCheckUnreliable();
  const before = new Map(describeFds().map((info) => [info.fd, identity(info)]));
  return {
    leaked: () => {
      const fresh = describeFds().filter((info) => !mayBeWorkerStartupFd(info) && before.get(info.fd) !== identity(info));
      const origins = isTracing() ? originsOf(fresh.map(({ fd }) => fd)) : new Map<number, FdOrigin>();
      return fresh.flatMap((info) => {
        const origin = origins.get(info.fd);
        if (origin !== undefined) return [{ ...info, origin }];
        return isInfrastructure(info) || thisThreadOnly ? [] : [info];
      });
    },
  };
}

/** Runs `fn` (sync or async) and resolves with its result; rejects with ERR_FD_LEAK if it left fds open. */
export async function assertNoFdLeaks<T>(fn: () => T | Promise<T>): Promise<T> {
  if (typeof fn !== 'function') throw invalidArgType('fn', 'of type function', fn);
  const snapshot = snapshotFds();
  const result = await fn();
  const leaked = snapshot.leaked();
  if (leaked.length > 0) throw fdLeak(leaked);
  return result;
}
