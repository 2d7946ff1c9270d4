// The default loop's own fds, read from its structure (uv_loop_t, unix and
// Linux fields of libuv 1.4x-1.5x): the epoll fd, the async eventfd, the
// signal pipe, the EMFILE reserve, inotify, and the io_uring ring. Only the
// fields up to the watcher array are at fixed offsets; the rest follow the
// async watcher, found through that array (watchers[fd] points into the
// loop for its internal watchers), since the mutexes before it differ in
// size between libcs and architectures. Every field read is checked against
// what /proc says the fd is; when one does not match, the layout is not the
// one this knows, and the guard falls back to its rule by type (probe()
// says which one serves).
import { libuv, UV_SIGNAL, type Libuv } from '../native/libuv.js';
import type { FdOwner, OwnerName, TableLook } from './owner.js';

// 64-bit layout: public fields (data, active_handles, handle_queue,
// active_reqs, internal_fields, stop_flag), then flags, backend_fd.
const INTERNAL_FIELDS = 40;
const BACKEND_FD = 64;
const WATCHERS = 104;
const NWATCHERS = 112;
// uv__io_t: cb, pending_queue, watcher_queue, pevents, events, fd.
const IO_WATCHER_SIZE = 56;
const IO_WATCHER_FD = 48;
// After the async watcher: async_wfd, timer_heap, timer_counter, time, then signal_pipefd[2].
const SIGNAL_PIPE_AFTER_ASYNC = 96;
// The io_uring ring's fd lies in the first bytes of the loop's internal fields (uv__loop_internal_fields_t).
const INTERNAL_FIELDS_SCANNED = 384;

export interface LoopLayout {
  /** Offsets in uv_loop_t. */
  readonly asyncFd: number;
  readonly signalPipe: number;
  readonly emfileFd: number;
  readonly inotifyFd: number;
}

export interface LoopFds {
  readonly fds: ReadonlyMap<number, OwnerName>;
  readonly emfileReserve: number;
}

let layout: LoopLayout | null | undefined;
let claimed: LoopFds | undefined;

/**
 * The default loop's fds, or undefined when its structure does not verify
 * (another layout, or libuv's API not exported). Call on the main thread only.
 */
export function defaultLoopFds(look: TableLook): LoopFds | undefined {
  return (claimed = readLoopFds(look));
}

/** Claims what defaultLoopFds() found last: the guard asks that first, to know whether this owner can serve. */
export const nodeLoopOwner: FdOwner = {
  claim(_look, claim) {
    for (const [fd, owner] of claimed!.fds) claim(fd, owner);
  },
  changedSinceClaim() {
    // The reserve moves when libuv's EMFILE trick closes and reopens it; nothing else here changes without a new handle.
    return claimed === undefined || readInt(libuv()!, layout!.emfileFd) !== claimed.emfileReserve;
  },
};

function readLoopFds(look: TableLook): LoopFds | undefined {
  const uv = libuv();
  if (uv === null || process.arch === 'arm' || process.arch === 'ia32') return undefined;
  layout ??= locate(uv, look);
  if (layout === null) return undefined;
  const fds = new Map<number, OwnerName>();
  const backend = uv.backendFd();
  if (!isKind(look, backend, 'anon_inode:[eventpoll]')) return undefined;
  fds.set(backend, 'node:epoll');
  const asyncFd = readInt(uv, layout.asyncFd);
  if (!isKind(look, asyncFd, 'anon_inode:[eventfd]')) return undefined;
  fds.set(asyncFd, 'node:async');
  const [read, write] = [readInt(uv, layout.signalPipe), readInt(uv, layout.signalPipe + 4)];
  if (read !== -1 || write !== -1) {
    if (!isPipePair(look, read, write)) return undefined;
    fds.set(read, 'node:signal').set(write, 'node:signal');
  }
  const emfileReserve = readInt(uv, layout.emfileFd);
  if (emfileReserve !== -1) {
    if (!isReserve(look, emfileReserve)) return undefined;
    fds.set(emfileReserve, 'node:emfile-reserve');
  }
  const inotify = readInt(uv, layout.inotifyFd);
  if (inotify !== -1) {
    if (!isKind(look, inotify, 'anon_inode:inotify')) return undefined;
    fds.set(inotify, 'node:inotify');
  }
  for (const ring of ringFds(uv, look)) fds.set(ring, 'node:io_uring');
  return { fds, emfileReserve };
}

function locate(uv: Libuv, look: TableLook): LoopLayout | null {
  const loop = uv.defaultLoop;
  if (loop.getInt32(BACKEND_FD, true) !== uv.backendFd()) return null;
  const watchers = uv.pointerArrayAt(WATCHERS, loop.getUint32(NWATCHERS, true));
  let asyncWatcher: number | undefined;
  for (const address of watchers) {
    const offset = Number(address - uv.defaultLoopAddress);
    if (address !== 0n && offset >= 0 && offset < uv.loopSize) asyncWatcher = Math.min(asyncWatcher ?? offset, offset);
  }
  if (asyncWatcher === undefined) return null;
  const signalPipe = asyncWatcher + SIGNAL_PIPE_AFTER_ASYNC;
  // signal_pipefd, signal_io_watcher, child_watcher (a uv_signal_t), emfile_fd, then inotify_read_watcher, inotify_watchers, inotify_fd.
  const emfileFd = signalPipe + 8 + IO_WATCHER_SIZE + uv.handleSize(UV_SIGNAL);
  const inotifyFd = align8(emfileFd + 4) + IO_WATCHER_SIZE + 8;
  const found = { asyncFd: asyncWatcher + IO_WATCHER_FD, signalPipe, emfileFd, inotifyFd };
  const asyncWfd = loop.getInt32(asyncWatcher + IO_WATCHER_SIZE, true);
  const signalWatcherFd = loop.getInt32(signalPipe + 8 + IO_WATCHER_FD, true);
  const verified =
    inotifyFd + 4 <= uv.loopSize &&
    asyncWfd === -1 && // eventfd serves both ends on Linux
    (signalWatcherFd === -1 || signalWatcherFd === loop.getInt32(signalPipe, true)) &&
    isKind(look, loop.getInt32(found.asyncFd, true), 'anon_inode:[eventfd]');
  return verified ? found : null;
}

function ringFds(uv: Libuv, look: TableLook): number[] {
  const rings = look.fds.filter((fd) => look.target(fd) === 'anon_inode:[io_uring]');
  if (rings.length === 0) return [];
  const internal = uv.memoryPointedAt(INTERNAL_FIELDS, INTERNAL_FIELDS_SCANNED);
  if (internal === null) return [];
  const found: number[] = [];
  for (let offset = 0; offset < INTERNAL_FIELDS_SCANNED; offset += 4) {
    const value = internal.getInt32(offset, true);
    if (rings.includes(value) && !found.includes(value)) found.push(value);
  }
  return found;
}

const readInt = (uv: Libuv, offset: number): number => uv.defaultLoop.getInt32(offset, true);
const align8 = (offset: number): number => Math.ceil(offset / 8) * 8;

const isKind = (look: TableLook, fd: number, target: string): boolean =>
  fd >= 0 && look.isOpen(fd) && look.cloexec(fd) && look.target(fd) === target;

function isPipePair(look: TableLook, read: number, write: number): boolean {
  const target = look.target(read);
  return isKind(look, read, target ?? '') && target!.startsWith('pipe:') && isKind(look, write, target!);
}

function isReserve(look: TableLook, fd: number): boolean {
  const target = look.target(fd);
  return (target === '/dev/null' || target === '/') && isKind(look, fd, target) && look.readOnly(fd);
}
