// What the user-space fallbacks do, fd by fd, with the kernel's semantics.
import { systemError } from '../errors.js';
import { CLONE_FILES, FD_CLOEXEC, F_SETFD, libc } from '../native/libc.js';

/** CLOSE_RANGE_UNSHARE by hand: EMFILE or ENOMEM are reported as the kernel would. */
export function unshareTable(): void {
  const result = libc().unshare(CLONE_FILES);
  if (result < 0) throw systemError(result, 'unshare', '(CLONE_FILES)');
}

/** Like close_range, errors on single fds are ignored: EBADF is a hole, and close() frees the fd even on EIO. */
export function closeOrMark(fd: number, cloexec: boolean): void {
  if (cloexec) libc().fcntl(fd, F_SETFD, FD_CLOEXEC); // FD_CLOEXEC is the only fd flag
  else libc().close(fd);
}
