// Who holds a descriptor that the caller must not close. Each owner (the
// Node loop, Node's handles, start-up fds, other threads, V8's files,
// FileHandles and fs streams, Bun, Deno) answers for its own fds; the guard combines their answers.

/**
 * The documented vocabulary of FdInfo.owner (docs/runtime-guard.md):
 * what each name means and when it appears.
 */
export type OwnerName =
  | 'node:epoll'
  | 'node:async'
  | 'node:signal'
  | 'node:emfile-reserve'
  | 'node:inotify'
  | 'node:io_uring'
  | 'node:tcp'
  | 'node:pipe'
  | 'node:tty'
  | 'node:udp'
  | 'node:poll'
  | 'node:startup'
  | 'node:by-type'
  | 'node:threadpool'
  | 'node:trace'
  | 'node:filehandle'
  | 'node:fs-stream'
  | 'worker'
  | 'inspector'
  | 'v8:log'
  | 'bun'
  | 'deno'
  | 'deno:resource';

/** One look at the table: what the owners may ask about each open fd, each fact read at most once. */
export interface TableLook {
  /** The open fds, ascending, without the one the look itself used. */
  readonly fds: readonly number[];
  isOpen(fd: number): boolean;
  cloexec(fd: number): boolean;
  /** The fd's link in /proc/self/fd; undefined without procfs, or once it is closed. */
  target(fd: number): string | undefined;
  /** Opened O_RDONLY. */
  readOnly(fd: number): boolean;
}

export type Claim = (fd: number, owner: OwnerName) => void;

export interface FdOwner {
  /** Claims the fds of `look` this owner holds. The first claim of an fd stands. */
  claim(look: TableLook, claim: Claim): void;
  /**
   * Whether what this owner holds may have changed since its last claim in
   * a way the guard's activity signal does not show (a file another thread
   * opened, a reserve libuv moved). Owners without such changes leave it out.
   */
  changedSinceClaim?(): boolean;
}
