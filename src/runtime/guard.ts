// Which descriptors the JavaScript runtime owns: closing one of them breaks
// the live process (the event loop's epoll and wakeup fds, signal pipes,
// sockets behind handles, a worker's loop, libuv's EMFILE reserve).
//
// Every such fd is close-on-exec (libuv opens everything with O_CLOEXEC), and
// none is a regular file or directory: the runtime's fds are pipes, sockets,
// terminals, anon inodes, and libuv's reserve, a read-only /dev/null (or "/",
// one per event loop that made a stream, some before user code runs). A
// user's close-on-exec pipe, socket or read-only /dev/null looks the same and
// is spared too; it cannot leak into a child anyway. An fd without
// close-on-exec is the runtime's only for a moment while a worker starts:
// V8 then reads /proc/self/maps and the node binary, opened without O_CLOEXEC.
//
// Classifying costs a readlink per close-on-exec fd (~4 us) and reading the
// table ~0.45 us per open fd, too slow for every call, so the answer is cached
// while the runtime provably created nothing (see node-activity.ts). A cached
// fd is checked again (statx: same device and inode?) before it is spared, since the
// runtime may have closed it and the number may now be the user's.
//
// After a fresh look, only the fds seen open are closed, run by run: an fd that
// another thread opens meanwhile lands on a number that was free, so it is
// never hit. The look's own directory fd is left out of it for the same
// reason: once closed, its number is free for another thread. While runtime
// threads may be opening files (another JavaScript thread is alive, async fs
// is in flight), every close-on-exec fd is spared for this call.
import { readlinkSync, realpathSync } from 'node:fs';
import { FD_MAX } from '../constants.js';
import { ANON_INODE_TYPES, kindOfLinkTarget, type FdType } from '../fds/kind.js';
import { procDirectory, readFdNumbers, withProcDirectory } from '../fds/directory.js';
import { fileIdentity, isSameFile, type FileIdentity } from '../fds/stat.js';
import type { FdInfo } from '../fds/types.js';
import { isReadOnly } from '../fd-flags.js';
import { FD_CLOEXEC, F_GETFD, libc } from '../native/libc.js';
import { probeOpenFds } from '../mechanisms/brute-force.js';
import { runtime } from './detect.js';
import { isRuntimeKindByStat } from './kind-by-stat.js';
import { nodeActivity } from './node-activity.js';

const RUNTIME_KINDS = new Set<FdType>(['pipe', 'socket', 'tty', ...ANON_INODE_TYPES]);
const EMFILE_RESERVE_TARGETS = new Set(['/dev/null', '/']);

/** libuv's EMFILE reserve is a read-only /dev/null, or "/" where /dev/null is missing. */
export const mayBeEmfileReserve = (target: string): boolean => EMFILE_RESERVE_TARGETS.has(target);
const FD_DIRECTORY = procDirectory(undefined, 'fd');

export interface RuntimeView {
  /** The fds to spare, ascending. */
  readonly spared: readonly number[];
  /** Every fd open when the table was read during this call, ascending; undefined when the cached answer served. */
  readonly open: readonly number[] | undefined;
}

interface CachedFd {
  readonly fd: number;
  readonly file: FileIdentity;
}

let cache: CachedFd[] | undefined;

/** What to spare in a close over first..last, looking at the table again only when the runtime may have changed it. */
export function viewRuntime(first: number, last: number): RuntimeView {
  const spared = cachedRuntimeFdsIn(first, last);
  return spared !== undefined ? { spared, open: undefined } : look(nodeActivity.openingFiles());
}

/**
 * The cached answer for first..last, when the runtime provably changed
 * nothing since it was made; undefined when only a fresh look can tell. A
 * cache that may be stale is dropped, so that the next call looks.
 */
export function cachedRuntimeFdsIn(first: number, last: number): readonly number[] | undefined {
  if (!runtime.fingerprintable || !nodeActivity.quietSinceLastLook()) cache = undefined;
  if (cache === undefined) return undefined;
  return cachedFdsIn(first, last);
}

/** Runtime-owned fds within first..last, ascending. */
export function runtimeFdsIn(first: number, last: number): number[] {
  return viewRuntime(first, last).spared.filter((fd) => fd >= first && fd <= last);
}

export function isRuntimeFd(fd: number): boolean {
  return runtimeFdsIn(fd, fd).length > 0;
}

/** Forgets the cached answer: after the library closed runtime fds itself (beforeExec). */
export function forgetRuntimeFds(): void {
  cache = undefined;
}

// Returns undefined when a cached fd is no longer the file it was.
function cachedFdsIn(first: number, last: number): readonly number[] | undefined {
  const entries = cache!;
  let spared: number[] | undefined;
  for (const entry of entries) {
    if (entry.fd < first || entry.fd > last) continue;
    if (!stillTheSameFile(entry)) return undefined;
    (spared ??= []).push(entry.fd);
  }
  return spared ?? NONE;
}

const NONE: readonly number[] = Object.freeze([]);

const stillTheSameFile = ({ fd, file }: CachedFd): boolean => isSameFile(fileIdentity(fd), file);

function look(runtimeOpeningFiles: boolean): RuntimeView {
  const open: number[] = [];
  const spared: number[] = [];
  for (const fd of listedFds()) {
    const fdFlags = libc().fcntl(fd, F_GETFD, 0);
    if (fdFlags < 0) continue; // closed meanwhile by another thread
    open.push(fd);
    if (isOwnedWithFlags(fd, fdFlags, runtimeOpeningFiles)) spared.push(fd);
  }
  cache = runtimeOpeningFiles ? undefined : identify(spared);
  return { spared, open };
}

/** The open fds, ascending, without the one the listing used. */
function listedFds(): number[] {
  runtime.assertMayRead(FD_DIRECTORY);
  try {
    return withProcDirectory(undefined, (dirFd) => readFdNumbers(dirFd, 0, FD_MAX, dirFd));
  } catch (error) {
    // No procfs (a container without /proc, or something else mounted there): ask each number below the table size.
    if ((error as { code?: string }).code === 'ENOENT') return probeOpenFds();
    throw error;
  }
}

function identify(fds: readonly number[]): CachedFd[] | undefined {
  const entries: CachedFd[] = [];
  for (const fd of fds) {
    const file = fileIdentity(fd);
    if (typeof file === 'number') return undefined; // closed meanwhile by another thread: look again next time
    entries.push({ fd, file });
  }
  return entries;
}

/** Whether the runtime may own `fd`: reads only the link and the fd flags, so no new descriptor is needed. */
export function isRuntimeOwned(fd: number): boolean {
  return isOwnedWithFlags(fd, libc().fcntl(fd, F_GETFD, 0), false);
}

function isOwnedWithFlags(fd: number, fdFlags: number, runtimeOpeningFiles: boolean): boolean {
  if (fdFlags < 0) return false;
  if ((fdFlags & FD_CLOEXEC) === 0) return runtimeOpeningFiles && mayBeWorkerStartupFile(fd);
  if (runtimeOpeningFiles || runtime.ownsEveryCloexecFd) return true;
  const target = linkTarget(fd);
  // No procfs; or closed meanwhile, and then fstat fails too.
  if (target === undefined) return isRuntimeKindByStat(fd);
  return isRuntimeTarget(target, () => isReadOnly(fd)) || runtime.ownsFd(fd);
}

let startupFiles: Set<string> | undefined;

/** /proc/self/maps and the node binary, which V8 opens without O_CLOEXEC while it builds a worker's isolate. */
const isWorkerStartupTarget = (target: string): boolean =>
  (startupFiles ??= new Set([`/proc/${process.pid}/maps`, realpathSync(process.execPath)])).has(target);

/**
 * Whether a close-on-exec-less fd may be one V8 holds for a moment while a
 * worker starts: its link says so, or its number changed hands since its
 * flags were read (it is closed, or close-on-exec, now).
 */
function mayBeWorkerStartupFile(fd: number): boolean {
  const target = linkTarget(fd);
  if (target !== undefined && isWorkerStartupTarget(target) && isReadOnly(fd)) return true;
  const fdFlags = libc().fcntl(fd, F_GETFD, 0);
  return fdFlags < 0 || (fdFlags & FD_CLOEXEC) !== 0;
}

/** Whether a described fd may be one V8 holds for a moment while a worker starts (only while other threads run). */
export const mayBeWorkerStartupFd = ({ cloexec, access, target }: FdInfo): boolean =>
  !cloexec && access === 'r' && nodeActivity.openingFiles() && isWorkerStartupTarget(target);

function linkTarget(fd: number): string | undefined {
  try {
    return readlinkSync(`${FD_DIRECTORY}/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * The rule for a close-on-exec fd whose link the caller has read: a kind only
 * the runtime opens, or its reserve (on every runtime, Deno included). No syscall, so describeFds can classify
 * 1000 fds without reading each link twice.
 */
export function isRuntimeTarget(target: string, isReadOnly: () => boolean): boolean {
  // Deno's every close-on-exec fd is spared when closing (isOwned), but a file
  // it opened for the user (Deno.open, node:fs) is still the user's to leak.
  const kind = kindOfLinkTarget(target);
  if (kind !== undefined && RUNTIME_KINDS.has(kind)) return true;
  return mayBeEmfileReserve(target) && isReadOnly();
}
