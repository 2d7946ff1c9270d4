// The descriptor table as this process found it, read when this module is
// evaluated. main.ts imports it before anything else, so no stream, handle or
// lazily opened runtime fd exists yet; only what the caller handed over at
// exec and what Node opened while starting (event loops, wakeup pipes).
//
// Read through procfs rather than fcntl: the FFI takes ~12 ms to load, and
// /proc/self/fdinfo shows O_CLOEXEC in its flags when FD_CLOEXEC is set.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export interface StartupFd {
  fd: number;
  /** What /proc/self/fd/N linked to: a path, `pipe:[123]`, `anon_inode:[eventfd]`... */
  target: string;
  cloexec: boolean;
  /** The access mode bits of the open file description (O_RDONLY 0, O_WRONLY 1, O_RDWR 2). */
  accessMode: number;
}

const O_CLOEXEC = 0o2000000;
const O_ACCMODE = 3;

function readStartupFds(): StartupFd[] {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return []; // no procfs: the commands that need this snapshot say so themselves
  }
  const fds: StartupFd[] = [];
  for (const name of names) {
    const fd = Number(name);
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      const flags = openFlags(fd);
      fds.push({ fd, target, cloexec: (flags & O_CLOEXEC) !== 0, accessMode: flags & O_ACCMODE });
    } catch {
      // the directory's own fd, closed by now
    }
  }
  return fds.sort((a, b) => a.fd - b.fd);
}

/** The flags line of /proc/self/fdinfo/N, in octal there. */
function openFlags(fd: number): number {
  const line = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'latin1'));
  return line ? parseInt(line[1]!, 8) : 0;
}

export const startupFds: readonly StartupFd[] = readStartupFds();
export const procfsAtStartup = startupFds.length > 0;
