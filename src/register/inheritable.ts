// Node marks fds 0-15 close-on-exec as it starts (libuv#997 broke make's
// jobserver that way): a kept fd inherited there gets its inheritance back,
// if it is still the file it was at registration.
import { FD_CLOEXEC, F_GETFD, F_SETFD, libc } from '../native/libc.js';
import { fdTarget, type KeptFd } from './conventions.js';

export function makeInheritable(kept: readonly KeptFd[]): void {
  const { fcntl } = libc();
  for (const { fd, inheritedTarget } of kept) {
    if (inheritedTarget === undefined || fdTarget(fd) !== inheritedTarget) continue;
    const flags = fcntl(fd, F_GETFD, 0);
    if (flags >= 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
}
