// What fcntl says of descriptors a caller named: their fd flags, each checked open.
import { systemError } from './errors.js';
import { F_GETFD, libc } from './native/libc.js';

/** F_GETFD of each of `fds`; an error naming `${name}[i]` when one is not open, before anything is changed. */
export function fdFlagsOfOpen(fds: readonly number[], name: string): number[] {
  const { fcntl } = libc();
  return fds.map((fd, index) => {
    const flags = fcntl(fd, F_GETFD, 0);
    if (flags < 0) throw systemError(flags, 'fcntl', `(${name}[${index}] = ${fd} is not an open descriptor)`);
    return flags;
  });
}
