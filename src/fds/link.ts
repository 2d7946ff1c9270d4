import { libc } from '../native/libc.js';

// PATH_MAX plus room for the " (deleted)" suffix procfs may add.
let linkBuffer: Buffer | undefined;

/** The target of a /proc fd link, or a negative errno (ENOENT once the fd is closed). */
export function readFdLink(dirFd: number, name: string): string | number {
  const buffer = (linkBuffer ??= Buffer.alloc(4096 + 64));
  const length = libc().readlinkat(dirFd, name, buffer);
  return length < 0 ? length : buffer.toString('utf8', 0, length);
}
