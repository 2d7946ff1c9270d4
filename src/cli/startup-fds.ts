// The descriptor numbers this process found open, read when this module is
// evaluated. main.ts imports it before anything else, so no stream, handle or
// lazily opened runtime fd exists yet: only what the caller handed over at
// exec and what Node opened while starting (event loops, wakeup pipes).
//
// Only the numbers are needed now: nothing closes an fd that was open at
// start-up, so each one is described later through the same number. No FFI
// here (~12 ms to load): --help and --version do not pay for it.
import { readdirSync, readlinkSync } from 'node:fs';

function readStartupFds(): number[] | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return undefined;
  }
  return names
    .map(Number)
    .filter((fd) => {
      try {
        readlinkSync(`/proc/self/fd/${fd}`);
        return true;
      } catch {
        return false; // the directory's own fd, closed by now
      }
    })
    .sort((a, b) => a - b);
}

/** Ascending; undefined without procfs. */
export const startupFds: readonly number[] | undefined = readStartupFds();
