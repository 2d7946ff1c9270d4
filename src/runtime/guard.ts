// Which descriptors the JavaScript runtime holds: closing one of them breaks
// the live process (the event loop's epoll and wakeup fds, signal pipes,
// sockets behind handles, a worker's loop, libuv's EMFILE reserve). The
// owners in src/ownership each name theirs; the guard combines their claims
// and spares exactly those.
//
// A fresh look costs a listing of the table (~0.45 us per open fd) and what
// the owners ask (Node's loop and handles through libuv: a few us), so its
// answer is cached while the runtime provably created nothing (see
// node-activity.ts) and no owner reports a change it cannot see. Fds behind
// handles are checked again (statx: same device and inode?) before a cached
// answer spares them: a handle's fd closes with the handle, which makes no
// new async id, and the number may now be the caller's.
//
// After a fresh look, only the fds seen open are closed, run by run: an fd
// that another thread opens meanwhile lands on a number that was free, so it
// is never hit. The look's own directory fd is left out of it for the same
// reason: once closed, its number is free for another thread.
import { fileIdentity, isSameFile, type FileIdentity } from '../fds/stat.js';
import { util } from '../node-util.js';
import type { OwnerName } from '../ownership/owner.js';
import { runtimeOwners, type OwnershipSource } from '../ownership/runtime-owners.js';
import { lookAtTable } from '../ownership/table-look.js';
import { runtime } from './detect.js';
import { nodeActivity } from './node-activity.js';

export interface RuntimeView {
  /** The fds to spare, ascending. */
  readonly spared: readonly number[];
  /** Every fd open when the table was read during this call, ascending; undefined when the cached answer served. */
  readonly open: readonly number[] | undefined;
}

interface Answer {
  readonly source: OwnershipSource;
  readonly owners: ReadonlyMap<number, OwnerName>;
  /** The claimed fds, ascending. */
  readonly spared: readonly number[];
  /** Claimed fds that may close without the activity signal showing it, with what they were. */
  readonly recheck: ReadonlyArray<{ fd: number; file: FileIdentity }>;
  readonly open: readonly number[];
  readonly cacheable: boolean;
  readonly changed: ReadonlyArray<() => boolean>;
}

const RECHECKED = new Set<OwnerName>(['node:tcp', 'node:pipe', 'node:tty', 'node:udp', 'node:poll', 'node:filehandle', 'node:fs-stream']);
const debug = util.debuglog('close-range');
// NODE_DEBUG is read once, at start-up: so is this (the getter costs more than the rest of a cached call's checks).
let debugging: boolean | undefined;

let cache: Answer | undefined;

/** What to spare in a close over first..last, looking at the table again only when the runtime may have changed it. */
export function viewRuntime(first: number, last: number): RuntimeView {
  const spared = cachedRuntimeFdsIn(first, last);
  if (spared !== undefined) return { spared, open: undefined };
  const answer = look();
  return { spared: answer.spared, open: answer.open };
}

/**
 * The cached answer for first..last, when the runtime provably changed
 * nothing since it was made; undefined when only a fresh look can tell. A
 * cache that may be stale is dropped, so that the next call looks.
 */
export function cachedRuntimeFdsIn(first: number, last: number): readonly number[] | undefined {
  const answer = validCache();
  if (answer === undefined || !handlesUnchanged(answer, first, last)) return (cache = undefined);
  const { spared } = answer;
  if (spared.length === 0 || (first <= spared[0]! && last >= spared[spared.length - 1]!)) return spared;
  return spared.filter((fd) => fd >= first && fd <= last);
}

/** Who holds each runtime fd open now (a fresh look unless the cache is valid). */
export function runtimeOwnersNow(): ReadonlyMap<number, OwnerName> {
  const answer = validCache();
  return answer !== undefined && handlesUnchanged(answer, 0, Infinity) ? answer.owners : look().owners;
}

/** Who holds `fd`, or null when it is the caller's. */
export const ownerOf = (fd: number): OwnerName | null => runtimeOwnersNow().get(fd) ?? null;

/**
 * How ownership is known here, as the last look found it (a look is taken if
 * none was); 'by-type' when the table cannot be looked at (probe() must answer
 * where closing would throw).
 */
export function ownershipSource(): OwnershipSource {
  try {
    return (cache ?? look()).source;
  } catch {
    return 'by-type';
  }
}

/** The owners the last look found, whether or not still valid; for freeing a descriptor when none is left to look with. */
export const cachedOwners = (): ReadonlyMap<number, OwnerName> | undefined => cache?.owners;

/** Forgets the cached answer: after the library closed runtime fds itself (beforeExec). */
export function forgetRuntimeFds(): void {
  cache = undefined;
}

/** Prints each spared fd of first..last with its owner when NODE_DEBUG names close-range. */
export function debugSpared(spared: readonly number[], first: number, last: number): void {
  if (!(debugging ??= debug.enabled)) return;
  const owners = cache?.owners;
  for (const fd of spared) if (fd >= first && fd <= last) debug('spared fd %d (%s)', fd, owners?.get(fd) ?? 'unknown');
}

/** Whether each fd behind a handle in first..last is still the file it was. */
function handlesUnchanged({ recheck }: Answer, first: number, last: number): boolean {
  for (const { fd, file } of recheck) {
    if (fd >= first && fd <= last && !isSameFile(fileIdentity(fd), file)) return false;
  }
  return true;
}

function validCache(): Answer | undefined {
  // The activity signal is asked on every call: it also marks where the next call starts counting.
  const quiet = runtime.fingerprintable && nodeActivity.quietSinceLastLook();
  if (!quiet || cache === undefined || !cache.cacheable || cache.changed.some((changed) => changed())) return (cache = undefined);
  return cache;
}

function look(): Answer {
  const table = lookAtTable();
  const { source, owners: asked } = runtimeOwners(table);
  const owners = new Map<number, OwnerName>();
  for (const owner of asked) {
    owner.claim(table, (fd, name) => {
      if (!owners.has(fd)) owners.set(fd, name);
    });
  }
  const spared = [...owners.keys()].sort((a, b) => a - b);
  const recheck: Array<{ fd: number; file: FileIdentity }> = [];
  let cacheable = table.procfs && !nodeActivity.openingFiles();
  for (const [fd, name] of owners) {
    if (!RECHECKED.has(name)) continue;
    const file = fileIdentity(fd);
    if (typeof file === 'number') cacheable = false; // closed meanwhile: look again next time
    else recheck.push({ fd, file });
  }
  const changed = asked.flatMap((owner) => (owner.changedSinceClaim ? [owner.changedSinceClaim.bind(owner)] : []));
  cache = { source, owners, spared, recheck, open: table.fds, cacheable, changed };
  // Where the next call starts counting: the look's own first use of the FFI made async resources (koffi's callback).
  nodeActivity.quietSinceLastLook();
  return cache;
}
