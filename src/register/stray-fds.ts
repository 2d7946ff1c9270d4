// Whether the process holds an fd that a child would inherit, read from
// /proc without the FFI: the first-turn pass over the inherited fds loads
// koffi (~12 ms), worth it only when there is something to mark. Linux shows
// each fd's close-on-exec as O_CLOEXEC in the flags of /proc/self/fdinfo/N.
import { readdirSync, readFileSync } from 'node:fs';

const O_CLOEXEC = 0o2000000;

/** Whether an fd >= 3, other than the `kept` ones, lacks close-on-exec; true when /proc cannot tell. */
export function holdsInheritableFds(kept: readonly number[]): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return true;
  }
  return names.some((name) => {
    const fd = Number(name);
    return fd >= 3 && !kept.includes(fd) && !hasCloseOnExec(fd);
  });
}

function hasCloseOnExec(fd: number): boolean {
  try {
    const flags = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags === undefined || (Number.parseInt(flags, 8) & O_CLOEXEC) !== 0;
  } catch {
    return true; // closed since the listing: the listing's own fd, for one
  }
}
