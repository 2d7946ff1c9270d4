// What fcntl says of a descriptor: its fd flags (each checked open), its access mode.
import { systemError } from './errors.js';
import { F_GETFD, F_GETFL, O_ACCMODE, O_RDONLY, libc } from './native/libc.js';

/** F_GETFD of each of `fds`; an error naming `${name}[i]` when one is not open, before anything is changed. */
export function fdFlagsOfOpen(fds: readonly number[], name: string): number[] {
  const { fcntl } = libc();
  return fds.map((fd, index) => {
    const flags = fcntl(fd, F_GETFD, 0);
    if (flags < 0) throw systemError(flags, 'fcntl', `(${name}[${index}] = ${fd} is not an open descriptor)`);
    return flags;
  });
}

/** Whether `fd` was opened read-only (F_GETFL); false once it is closed. */
export const isReadOnly = (fd: number): boolean => (libc().fcntl(fd, F_GETFL, 0) & O_ACCMODE) === O_RDONLY;
