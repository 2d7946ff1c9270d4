import { execve } from '../../index.js';
import type { ExecInvocation } from '../arguments.js';
import { EXIT_CANNOT_INVOKE, EXIT_NOT_FOUND } from '../exit-status.js';
import { inheritedFds } from '../inherited.js';

/** Replaces this process with COMMAND; returns only when it could not (exit status as env(1)). */
export function exec({ keep, from, unshare, file, args }: ExecInvocation): number {
  // Only what the caller handed over is passed on: a --keep number the caller
  // left closed holds one of Node's own fds by now, which must not leak.
  const inherited = inheritedFds();
  const requested = new Set(keep);
  const passOn = inherited.filter((fd) => fd >= 3 && (fd < from || requested.has(fd)));
  try {
    execve(file, [file, ...args], { keep: passOn, unshare });
  } catch (error) {
    const { code, syscall, message } = error as NodeJS.ErrnoException;
    if (syscall !== 'execve') throw error;
    const notFound = code === 'ENOENT';
    const reason = notFound && !file.includes('/') ? `${file}: command not found in PATH` : message;
    process.stderr.write(`close-range exec: ${reason}\n`);
    return notFound ? EXIT_NOT_FOUND : EXIT_CANNOT_INVOKE;
  }
}
