// Normalizes closeRange/closeFrom arguments once, at the public edge, into a
// fresh object. Argument errors come first; then the kernel's own EINVAL
// checks, in the kernel's order (unknown flag bits, then first > last).
import { CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE, FD_MAX } from './constants.js';
import { outOfRange, systemError } from './errors.js';
import { EINVAL } from './native/libc.js';
import type { RangeOptions } from './types.js';
import { validateBoolean, validateFd, validateFdList, validateOptions } from './validate.js';

const KNOWN_FLAGS = CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC;
const RANGE_OPTIONS: readonly (keyof RangeOptions)[] = ['cloexec', 'unshare', 'keep', 'beforeExec'];
const NO_FDS: readonly number[] = Object.freeze([]);

export interface RangeRequest {
  readonly first: number;
  readonly last: number;
  readonly cloexec: boolean;
  readonly unshare: boolean;
  readonly beforeExec: boolean;
  /** Sorted, without duplicates, only those inside first..last. */
  readonly keep: readonly number[];
}

export function toRangeRequest(first: unknown, last: unknown, flags: unknown, flagsName: string): RangeRequest {
  const from = validateFd(first, 'first');
  const to = validateFd(last, 'last');
  const options = typeof flags === 'number' ? optionsFromKernelFlags(flags, flagsName) : normalizeOptions(flags, flagsName);
  if (from > to) throw systemError(EINVAL, 'close_range', `(first ${from} > last ${to})`);
  const keep = options.keep.length === 0 ? NO_FDS : [...new Set(options.keep)].filter((fd) => fd >= from && fd <= to).sort((a, b) => a - b);
  return { first: from, last: to, cloexec: options.cloexec, unshare: options.unshare, beforeExec: options.beforeExec, keep };
}

interface NormalizedOptions {
  cloexec: boolean;
  unshare: boolean;
  beforeExec: boolean;
  keep: readonly number[];
}

function optionsFromKernelFlags(flags: number, name: string): NormalizedOptions {
  if (!Number.isInteger(flags) || flags < 0 || flags > FD_MAX) {
    throw outOfRange(name, `an integer >= 0 && <= ${FD_MAX}`, flags);
  }
  if ((flags & ~KNOWN_FLAGS) !== 0) throw systemError(EINVAL, 'close_range', `(unknown flags 0x${flags.toString(16)})`);
  return {
    cloexec: (flags & CLOSE_RANGE_CLOEXEC) !== 0,
    unshare: (flags & CLOSE_RANGE_UNSHARE) !== 0,
    beforeExec: false,
    keep: NO_FDS,
  };
}

// `flags` takes a number too, and the type error says so.
export function normalizeOptions(value: unknown, name: string): NormalizedOptions {
  const expected = name === 'flags' ? 'of type number or a plain object (RangeOptions)' : 'a plain object (RangeOptions)';
  const options = validateOptions(value, name, RANGE_OPTIONS, expected) as RangeOptions;
  return {
    cloexec: validateBoolean(options.cloexec, `${name}.cloexec`),
    unshare: validateBoolean(options.unshare, `${name}.unshare`),
    beforeExec: validateBoolean(options.beforeExec, `${name}.beforeExec`),
    keep: validateFdList(options.keep, `${name}.keep`),
  };
}

export function kernelFlags(request: RangeRequest): number {
  return (request.cloexec ? CLOSE_RANGE_CLOEXEC : 0) | (request.unshare ? CLOSE_RANGE_UNSHARE : 0);
}

/** The sub-ranges of first..last that avoid every spared fd (ascending; duplicates allowed). */
export function gapsAround(first: number, last: number, spared: readonly number[]): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  let start = first;
  for (const fd of spared) {
    if (fd < start || fd > last) continue;
    if (fd > start) gaps.push([start, fd - 1]);
    start = fd + 1;
  }
  if (start <= last) gaps.push([start, last]);
  return gaps;
}

/**
 * The runs of consecutive fds in `open` (ascending) within first..last that
 * are not spared: they never cover a number that was free, so an fd another
 * thread opens meanwhile is never hit.
 */
export function runsOfOpen(first: number, last: number, open: readonly number[], spared: ReadonlySet<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let run: [number, number] | undefined;
  for (const fd of open) {
    if (fd < first || fd > last || spared.has(fd)) continue;
    if (run !== undefined && fd === run[1] + 1) run[1] = fd;
    else runs.push((run = [fd, fd]));
  }
  return runs;
}
