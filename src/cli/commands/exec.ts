import { systemError } from '../../errors.js';
import { execve } from '../../index.js';
import { EBADF } from '../../native/libc.js';
import type { ExecInvocation } from '../arguments.js';
import { EXIT_CANNOT_INVOKE, EXIT_NOT_FOUND } from '../exit-status.js';
import { describeInherited } from '../inherited.js';
import { startupFds } from '../startup-fds.js';

/** Replaces this process with COMMAND; returns only when it could not (exit status as env(1)). */
export function exec({ keep, from, unshare, file, args }: ExecInvocation): number {
  try {
    execve(file, [file, ...args], { keep: fdsToPassOn(keep, from), unshare });
  } catch (error) {
    const { code, syscall, message } = error as NodeJS.ErrnoException;
    if (syscall !== 'execve') throw error;
    const notFound = code === 'ENOENT';
    const reason = notFound && !file.includes('/') ? `${file}: command not found in PATH` : message;
    process.stderr.write(`close-range exec: ${reason}\n`);
    return notFound ? EXIT_NOT_FOUND : EXIT_CANNOT_INVOKE;
  }
}

// Only what the caller handed over is passed on: a --keep number the caller
// left closed holds one of Node's own fds by now, which must not leak. Asked
// for by number, it is refused as execve refuses a closed keep fd: EBADF.
function fdsToPassOn(keep: readonly number[], from: number): number[] {
  const requested = new Set(keep.filter((fd) => fd >= 3));
  if (from <= 3 && requested.size === 0) return [];
  if (startupFds === undefined) {
    throw new Error('without procfs at /proc the fds the caller passed cannot be told from Node\'s own: mount /proc, or drop --keep and --from');
  }
  const passed = describeInherited().map(({ fd }) => fd);
  const notPassed = [...requested].find((fd) => !passed.includes(fd));
  if (notPassed !== undefined) {
    throw systemError(EBADF, 'exec', `(--keep ${notPassed}: the caller of close-range did not pass fd ${notPassed} open)`);
  }
  return passed.filter((fd) => fd >= 3 && (fd < from || requested.has(fd)));
}
