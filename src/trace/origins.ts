// What fd tracing remembers: who opened each fd. A number returned by
// fs.openSync is remembered with the file it named (a number closed some
// other way and reused must not keep the old origin); an object that owns an
// fd (FileHandle, socket, server, child process) is asked for its fd when a
// leak is reported, so its answer is always the current one.
import { createRequire } from 'node:module';
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

interface Records {
  numbers: Map<number, NumberRecord>;
  holders: WeakMap<object, HolderRecord>;
  liveHolders: Set<HolderRecord>;
}

// Kept on the node:fs module object, the one thing every copy of the library
// in a thread shares (jest loads it afresh, in a new context, for each test
// file): all copies then read one set of records, and fs is wrapped once.
const KEY = Symbol.for('close-range.fd-tracing');
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs') & { [KEY]?: Records };

export const isTracing = (): boolean => fs[KEY] !== undefined;

export function startTracing(): void {
  fs[KEY] = { numbers: new Map(), holders: new WeakMap(), liveHolders: new Set() };
}

const records = (): Records => fs[KEY]!;

// fs's own fstat, not the native statx: koffi opens files with fs.openSync while it loads.
const originalFstat = fs.fstatSync;

function identityOf(fd: number): string | undefined {
  try {
    const { dev, ino } = originalFstat(fd);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

export function rememberFd(fd: number, origin: FdOrigin): void {
  records().numbers.set(fd, { origin, identity: identityOf(fd) });
}

export function forgetFd(fd: unknown): void {
  if (typeof fd === 'number') records().numbers.delete(fd);
}

/** Remembers who made `holder`, unless it is known already (a socket's connect runs again on reconnect). */
export function rememberHolder<T extends object>(holder: T, fdsOf: (holder: T) => (number | undefined)[], origin: FdOrigin): void {
  const { holders, liveHolders } = records();
  if (holders.has(holder)) return;
  const record = { holder: new WeakRef(holder), fdsOf: fdsOf as HolderRecord['fdsOf'], origin };
  holders.set(holder, record);
  liveHolders.add(record);
}

export const originOfHolder = (holder: object): FdOrigin | undefined => records().holders.get(holder)?.origin;

/** The origin of each of `fds` that tracing saw opened and that still holds what was opened. */
export function originsOf(fds: readonly number[]): Map<number, FdOrigin> {
  const { numbers, liveHolders } = records();
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
