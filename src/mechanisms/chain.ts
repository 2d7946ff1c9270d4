// The ways to do close_range(2), best first, each with why it comes where it
// does. A mechanism that cannot work here (close_range refused, /proc not
// procfs) hands on to the next; one that can either finishes or throws.
import { closeRangeIncomplete } from '../errors.js';
import { bruteForce } from './brute-force.js';
import { closeRangeOnce, closeRangeSyscall } from './close-range-syscall.js';
import type { FdRanges, Mechanism, MechanismName } from './mechanism.js';
import { procfsWalk } from './procfs.js';

const CHAIN: ReadonlyArray<{ mechanism: Mechanism; why: string }> = [
  { mechanism: closeRangeSyscall, why: 'one syscall per range, whatever its width; Linux 5.9, CLOEXEC 5.11' },
  { mechanism: procfsWalk, why: 'needs no kernel support and costs what is open, but needs procfs at /proc' },
  { mechanism: bruteForce, why: 'needs nothing, but costs the table size, so it refuses tables above 2^20' },
];

/** Starts the chain at that mechanism (tests, benchmarks, debugging); read once. */
export const FORCE_VARIABLE = 'CLOSE_RANGE_MECHANISM';

let start: number | undefined;
let forced: MechanismName | undefined;

/** Applies close_range(2) semantics to every range with the first mechanism that works here. */
export function applyToRanges(ranges: FdRanges, flags: number): void {
  // An index, not CHAIN.slice(): this runs on every call, and cold.
  for (let index = chainStart(); index < CHAIN.length; index++) {
    if (CHAIN[index].mechanism.apply(ranges, flags)) return;
  }
  throw closeRangeIncomplete('No mechanism could close the range here; nothing was changed.');
}

/** close_range(first, last, flags) in one syscall when that is where the chain starts and it works; false otherwise. */
export function applyToOneRangeDirectly(first: number, last: number, flags: number): boolean {
  return chainStart() === 0 && closeRangeOnce(first, last, flags);
}

export interface ChainChoice {
  name: MechanismName;
  why: string;
}

/** The mechanism a call with these flags would use now, and why it is there (asks the kernel, changes nothing). */
export function mechanismFor(flags: number): ChainChoice {
  const entries = CHAIN.slice(chainStart());
  const chosen = entries.find(({ mechanism }) => mechanism.isAvailable(flags)) ?? entries[entries.length - 1];
  const { mechanism, why } = chosen;
  return { name: mechanism.name, why };
}

/** The mechanism CLOSE_RANGE_MECHANISM starts the chain at, if it is set. */
export function forcedMechanism(): MechanismName | undefined {
  chainStart();
  return forced;
}

function chainStart(): number {
  if (start !== undefined) return start;
  const value = forcedName();
  const index = value ? CHAIN.findIndex(({ mechanism }) => mechanism.name === value) : 0;
  if (index < 0) {
    const names = CHAIN.map(({ mechanism }) => `'${mechanism.name}'`).join(', ');
    throw Object.assign(
      new Error(`The environment variable ${FORCE_VARIABLE} must be one of ${names}, or unset. Received '${value}'`),
      { code: 'ERR_INVALID_ARG_VALUE' },
    );
  }
  if (value) forced = CHAIN[index].mechanism.name;
  return (start = index);
}

// Deno without --allow-env throws on reading the environment: then nothing is forced.
function forcedName(): string | undefined {
  try {
    return process.env[FORCE_VARIABLE];
  } catch {
    return undefined;
  }
}
