// The descriptors every close benchmark closes, laid out identically in the
// JavaScript, C and Python processes: one regular file opened read-only
// without O_CLOEXEC (as a leaked fd usually is) at each fd of the layout.
import { F_GETFD, O_RDONLY, libc } from '../dist/native/libc.js';

const EBADF = -9;
const EBUSY = -16;

/** base..base+count-1, then `extra` when it is not -1 (the sparse case). */
export function layoutFds({ base, count, extra }) {
  const fds = Array.from({ length: count }, (_, index) => base + index);
  if (extra >= 0) fds.push(extra);
  return fds;
}

export function openLayout(path, fds) {
  const { open, dup2, close } = libc();
  for (const target of fds) {
    const fd = open(path, O_RDONLY, 0);
    if (fd < 0) throw new Error(`open ${path}: errno ${-fd}`);
    if (fd === target) continue;
    // EBUSY: another thread of the runtime was opening an fd at that number; try again.
    let result = dup2(fd, target);
    for (let attempt = 0; result === EBUSY && attempt < 100; attempt++) result = dup2(fd, target);
    if (result !== target) throw new Error(`dup2 to fd ${target} failed: errno ${-result}`);
    close(fd);
  }
}

/** A method that leaves any fd open would look fast: every round is checked. */
export function assertLayoutClosed(fds, methodLabel) {
  const { fcntl } = libc();
  for (const fd of fds) {
    if (fcntl(fd, F_GETFD, 0) !== EBADF) throw new Error(`${methodLabel} left fd ${fd} open`);
  }
}
