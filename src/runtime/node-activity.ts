// What Node did since the guard last looked, seen without a syscall.
//
// Every libuv handle and request Node creates (sockets, servers, pipes, child
// processes, signal handlers, fs.watch, timers, fs requests) gets the next
// async id, also when it is unref()ed at once; the reserve fds libuv opens
// lazily (signal pipe, inotify, the EMFILE reserve) appear only together with
// such a handle. So when the id counter moved by exactly the one our own
// probe takes, this thread created nothing that could own a descriptor.
// Worker threads count ids on their own, so while one is alive only a fresh
// look at the table is safe. And any other thread may be opening files at any
// moment: a worker loads its modules and does its fs through the threadpool,
// which this thread's resource list does not show, and V8 reads files while
// it builds a worker's isolate.
import { AsyncResource } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { isMainThread } from './main-thread.js';

export interface RuntimeActivity {
  /** Nothing that may own a descriptor was created since the previous call (which took a look). */
  quietSinceLastLook(): boolean;
  /** Runtime threads may be opening files right now (another JavaScript thread is alive, or async fs is in flight). */
  openingFiles(): boolean;
  /** Another JavaScript thread shares the table: a worker is alive, or this is one. */
  otherThreads(): boolean;
  /** A worker was created and has not yet come online (V8 builds its isolate, Node loads its modules). */
  workerStarting(): boolean;
  /** libuv's threadpool serves a request that may open fds (fs, getaddrinfo). */
  threadpoolBusy(): boolean;
  /** A getaddrinfo or getnameinfo request is in flight (it may open a socket to a DNS server). */
  resolving(): boolean;
}

// Requests that libuv's threadpool serves by opening fds of its own (fs, and
// getaddrinfo reading /etc/hosts or asking a DNS server).
const THREADPOOL_REQUESTS = ['FSReq', 'FileHandle', 'GetAddrInfoReqWrap', 'GetNameInfoReqWrap'];

const RESOLVER_REQUESTS = ['GetAddrInfoReqWrap', 'GetNameInfoReqWrap'];

let lastAsyncId = -2;
let liveWorkers = 0;
let startingWorkers = 0;

subscribe('worker_threads', (message) => {
  const { worker } = message as { worker: Worker };
  liveWorkers++;
  startingWorkers++;
  let starting = true;
  const started = (): void => {
    if (starting) startingWorkers--;
    starting = false;
  };
  worker.once('online', started);
  worker.once('exit', () => {
    started();
    liveWorkers--;
  });
});

function activeResources(prefixes: readonly string[]): boolean {
  for (const name of process.getActiveResourcesInfo()) {
    if (prefixes.some((prefix) => name.startsWith(prefix))) return true;
  }
  return false;
}

function nextAsyncId(): number {
  // Default options: with async_hooks destroy hooks on (APM tools), they hear of its end too.
  return new AsyncResource('CLOSE_RANGE_PROBE').asyncId();
}

export const nodeActivity: RuntimeActivity = {
  quietSinceLastLook() {
    const id = nextAsyncId();
    const quiet = id === lastAsyncId + 1 && liveWorkers === 0 && isMainThread();
    lastAsyncId = id;
    return quiet;
  },
  openingFiles() {
    return this.otherThreads() || this.threadpoolBusy();
  },
  otherThreads: () => liveWorkers > 0 || !isMainThread(),
  workerStarting: () => startingWorkers > 0,
  threadpoolBusy: () => activeResources(THREADPOOL_REQUESTS),
  resolving: () => activeResources(RESOLVER_REQUESTS),
};
