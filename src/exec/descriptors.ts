// The descriptor table as the new program should find it: 0-2 and `keep`
// inheritable, every other fd >= 3 close-on-exec. Marking instead of closing
// is what makes a failed execve harmless: the runtime's own fds stay open,
// and the previous flags can be put back.
import { readdirSync } from 'node:fs';
import { cloexecFrom } from '../close-range.js';
import { fdFlagsOfOpen } from '../fd-flags.js';
import { unshareTable } from '../mechanisms/per-fd.js';
import { FD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL, O_NONBLOCK, libc } from '../native/libc.js';

interface SavedFlags {
  readonly fd: number;
  readonly fdFlags: number;
  /** Status flags, for 0-2 only (O_NONBLOCK is cleared on them). */
  readonly statusFlags?: number;
}

export interface DescriptorRequest {
  readonly keep: readonly number[];
  readonly closeFds: boolean;
  readonly unshare: boolean;
}

/** Prepares the table for execve; returns what restores it if execve fails. */
export function prepareDescriptors(request: DescriptorRequest): () => void {
  const { fcntl } = libc();
  const kept = fdFlagsOfOpen(request.keep, 'options.keep').map((fdFlags, index): SavedFlags => ({ fd: request.keep[index]!, fdFlags }));
  const stdio = [0, 1, 2].filter((fd) => fcntl(fd, F_GETFD, 0) >= 0).map(savedStdioFlags);
  const inheritable = request.closeFds ? inheritableFdsAbove2() : [];
  try {
    if (request.closeFds) cloexecFrom(3, { keep: request.keep, unshare: request.unshare, beforeExec: true });
    else if (request.unshare) unshareTable();
  } catch (error) {
    restoreFlags(inheritable); // a fallback may have marked part of the range before failing
    throw error;
  }
  for (const { fd, fdFlags, statusFlags } of [...stdio, ...kept]) {
    fcntl(fd, F_SETFD, fdFlags & ~FD_CLOEXEC);
    // Programs expect blocking stdio; libuv made these non-blocking (libuv's own child setup clears it too).
    if (statusFlags !== undefined) fcntl(fd, F_SETFL, statusFlags & ~O_NONBLOCK);
  }
  return () => restoreFlags([...stdio, ...kept, ...inheritable]);
}

function restoreFlags(saved: readonly SavedFlags[]): void {
  const { fcntl } = libc();
  for (const { fd, fdFlags, statusFlags } of saved) {
    fcntl(fd, F_SETFD, fdFlags);
    if (statusFlags !== undefined) fcntl(fd, F_SETFL, statusFlags);
  }
}

function savedStdioFlags(fd: number): SavedFlags {
  const { fcntl } = libc();
  return { fd, fdFlags: fcntl(fd, F_GETFD, 0), statusFlags: fcntl(fd, F_GETFL, 0) };
}

/**
 * Fds >= 3 without close-on-exec now, so that a failed execve can clear the
 * flag on them again. Without procfs they cannot be listed: a failed execve
 * then leaves them close-on-exec.
 */
function inheritableFdsAbove2(): SavedFlags[] {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return [];
  }
  const { fcntl } = libc();
  const inheritable: SavedFlags[] = [];
  for (const name of names) {
    const fd = Number(name);
    if (fd < 3) continue;
    const fdFlags = fcntl(fd, F_GETFD, 0);
    if (fdFlags >= 0 && (fdFlags & FD_CLOEXEC) === 0) inheritable.push({ fd, fdFlags });
  }
  return inheritable;
}
