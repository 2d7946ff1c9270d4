// snapshotFds and assertNoFdLeaks: descriptors a piece of code left open.
// An fd is new when its number was free at the snapshot or now names another
// inode (closed and reopened to something else); the runtime's own (a
// worker's event loop, libuv's reserve fd, a terminal reopened for stdout,
// the files V8 reads while a worker starts) are never leaks.
import { fdLeak, invalidArgType } from '../errors.js';
import { mayBeWorkerStartupFd } from '../runtime/guard.js';
import { describeFds } from './describe.js';
import type { FdInfo, FdSnapshot } from './types.js';

const identity = (info: FdInfo): string => `${info.device}:${info.inode}`;

export function snapshotFds(): FdSnapshot {
  const before = new Map(describeFds().map((info) => [info.fd, identity(info)]));
  return {
    leaked: () =>
      describeFds().filter((info) => !info.runtime && !mayBeWorkerStartupFd(info) && before.get(info.fd) !== identity(info)),
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
