// What fd tracing remembers: who opened each fd. A number returned by
// fs.openSync is remembered with the file it named (a number closed some
// other way and reused must not keep the old origin); an object that owns an
// fd (FileHandle, socket, server, child process) is asked for its fd when a
// leak is reported, so its answer is always the current one.
import { fstatSync } from 'node:fs';
import type { FdOrigin } from '../fds/types.js';

interface NumberRecord {
  origin: FdOrigin;
  identity: string | undefined;
}

interface HolderRecord {
  holder: WeakRef<object>;
  fdsOf: (holder: object) => (number | undefined)[];
  origin: FdOrigin;
}

let tracing = false;
const numbers = new Map<number, NumberRecord>();
const holders = new WeakMap<object, HolderRecord>();
const liveHolders = new Set<HolderRecord>();

export const isTracing = (): boolean => tracing;

export function startTracing(): void {
  tracing = true;
}

// fs's own fstat, not the native statx: koffi opens files with fs.openSync while it loads.
const originalFstat = fstatSync;

function identityOf(fd: number): string | undefined {
  try {
    const { dev, ino } = originalFstat(fd);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

export function rememberFd(fd: number, origin: FdOrigin): void {
  numbers.set(fd, { origin, identity: identityOf(fd) });
}

export function forgetFd(fd: unknown): void {
  if (typeof fd === 'number') numbers.delete(fd);
}

/** Remembers who made `holder`, unless it is known already (a socket's connect runs again on reconnect). */
export function rememberHolder<T extends object>(holder: T, fdsOf: (holder: T) => (number | undefined)[], origin: FdOrigin): void {
  if (holders.has(holder)) return;
  const record = { holder: new WeakRef(holder), fdsOf: fdsOf as HolderRecord['fdsOf'], origin };
  holders.set(holder, record);
  liveHolders.add(record);
}

export const originOfHolder = (holder: object): FdOrigin | undefined => holders.get(holder)?.origin;

/** The origin of each of `fds` that tracing saw opened and that still holds what was opened. */
export function originsOf(fds: readonly number[]): Map<number, FdOrigin> {
  const wanted = new Set(fds);
  const origins = new Map<number, FdOrigin>();
  for (const record of liveHolders) {
    const holder = record.holder.deref();
    if (holder === undefined) {
      liveHolders.delete(record);
      continue;
    }
    for (const fd of record.fdsOf(holder)) {
      if (fd !== undefined && fd >= 0 && wanted.has(fd)) origins.set(fd, record.origin);
    }
  }
  for (const fd of wanted) {
    const record = numbers.get(fd);
    if (record === undefined || origins.has(fd)) continue;
    if (record.identity !== undefined && record.identity === identityOf(fd)) origins.set(fd, record.origin);
    else numbers.delete(fd);
  }
  return origins;
}
