// The fds a process hands every child on purpose, read from its environment
// when it registers. The activated sockets of systemd's LISTEN_FDS are not
// among them: they belong to the process LISTEN_PID names, which no child of
// it can be (sd_listen_fds() marks them close-on-exec itself), so a child gets
// them only where they are passed on (passFds, or a stdio entry).
import { readFileSync, readlinkSync } from 'node:fs';
import { FD_MAX } from '../constants.js';
import { invalidEnvValue } from '../errors.js';

/** An fd kept inheritable, with its link target when it was open at registration. */
export interface KeptFd {
  readonly fd: number;
  readonly inheritedTarget: string | undefined;
}

export function keptByConventions(env: NodeJS.ProcessEnv): KeptFd[] {
  const fds = new Set([...keepList(env.CLOSE_RANGE_KEEP), ...jobserverFds(env.MAKEFLAGS)]);
  return [...fds].sort((a, b) => a - b).map((fd) => ({ fd, inheritedTarget: inheritedTarget(fd) }));
}

/** CLOSE_RANGE_KEEP=3,7: a keep list the process cannot honour is an error at start-up, not a silent leak or loss. */
export function keepList(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((entry, index) => {
    const fd = /^\s*\d+\s*$/.test(entry) ? Number(entry) : NaN;
    if (fd <= FD_MAX) return fd;
    throw invalidEnvValue(
      'CLOSE_RANGE_KEEP',
      value,
      `a comma-separated list of descriptor numbers (such as 3,7), but entry ${index} (${JSON.stringify(entry)}) is not one`,
      'fix or unset it',
    );
  });
}

/**
 * make's jobserver: the last --jobserver-auth=R,W (or make 4.1's
 * --jobserver-fds=R,W) in MAKEFLAGS, when R and W are the read and write ends
 * of one pipe. make closes them for recipes it does not run as a sub-make but
 * leaves MAKEFLAGS set, and then the runtime's own fds may sit at R and W.
 * `fifo:PATH` (make 4.4) names a path: there is no fd to keep.
 */
export function jobserverFds(makeflags: string | undefined): number[] {
  const last = [...(makeflags ?? '').matchAll(/--jobserver-(?:auth|fds)=(\d+),(\d+)/g)].at(-1);
  if (last === undefined) return [];
  const [read, write] = [Number(last[1]), Number(last[2])];
  const pipe = inheritedTarget(read);
  const isJobserver = pipe?.startsWith('pipe:') && inheritedTarget(write) === pipe && accessMode(read) === 0 && accessMode(write) === 1;
  return isJobserver ? [read, write] : [];
}

function inheritedTarget(fd: number): string | undefined {
  const target = fdTarget(fd);
  // The runtime's event-poll fds and eventfds: never handed over by a caller.
  return target?.startsWith('anon_inode:') ? undefined : target;
}

/** Where fd `fd` points (`pipe:[123]`, a path), or undefined when it is not open. */
export function fdTarget(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** O_ACCMODE of an open fd from /proc (no FFI at start-up): 0 read, 1 write, 2 both. */
function accessMode(fd: number): number | undefined {
  try {
    const flags = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags === undefined ? undefined : Number.parseInt(flags, 8) & 3;
  } catch {
    return undefined;
  }
}
