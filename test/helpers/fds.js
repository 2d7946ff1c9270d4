// Observes the descriptor table from outside the library under test:
// /proc/self/fd and fcntl(F_GETFD), nothing the library reports itself.
import { openSync, readdirSync, readlinkSync } from 'node:fs';
import { FD_CLOEXEC, F_GETFD, O_RDONLY, libc } from '../../dist/native/libc.js';

/** Open fds, ascending (the directory's own fd left out). */
export function openFds() {
  // Loading koffi first: on Node 22+ that creates process.stderr (and libuv's reserve fd).
  libc();
  const fds = [];
  for (const name of readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    try {
      readlinkSync(`/proc/self/fd/${fd}`);
      fds.push(fd);
    } catch {
      // the directory's own fd, closed by now
    }
  }
  return fds.sort((a, b) => a - b);
}

export const isOpen = (fd) => libc().fcntl(fd, F_GETFD, 0) >= 0;
export const hasCloexec = (fd) => (libc().fcntl(fd, F_GETFD, 0) & FD_CLOEXEC) !== 0;

/** Opens /dev/null without O_CLOEXEC, as C's open() does by default. */
export function openDevNull() {
  const fd = libc().open('/dev/null', O_RDONLY, 0);
  if (fd < 0) throw new Error(`open /dev/null: errno ${-fd}`);
  return fd;
}

/** Puts a file (opened through Node, so close-on-exec) at exactly `fd`. */
export function openAt(fd, path = '/etc/hostname') {
  const tmp = openSync(path, 'r');
  if (tmp !== fd) {
    if (libc().dup2(tmp, fd) !== fd) throw new Error(`dup2 to ${fd} failed`);
    libc().close(tmp);
  }
  return fd;
}
