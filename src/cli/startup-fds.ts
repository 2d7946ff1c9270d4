// The descriptors this process found open, read when this module is
// evaluated. main.ts imports it before anything else, so no stream, handle or
// lazily opened runtime fd exists yet: only what the caller handed over at
// exec, what Node opened while starting (event loops, wakeup pipes), and
// perhaps a file the module loader's threads are just closing.
//
// Numbers and link targets only: nothing closes an fd that was open at
// start-up, so each one is described later through the same number. No FFI
// here (~12 ms to load): --help and --version do not pay for it.
import { readdirSync, readlinkSync } from 'node:fs';

function readStartupFds(): Map<number, string> | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return undefined;
  }
  const targets = new Map<number, string>();
  for (const name of names) {
    try {
      targets.set(Number(name), readlinkSync(`/proc/self/fd/${name}`));
    } catch {
      // the directory's own fd, closed by now
    }
  }
  return targets;
}

/** fd -> link target (`/etc/hostname`, `pipe:[123]`...); undefined without procfs. */
export const startupFds: ReadonlyMap<number, string> | undefined = readStartupFds();
