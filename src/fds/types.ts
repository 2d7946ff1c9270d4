import type { FdType } from './kind.js';

export type { FdType };

/** Open-file status flags worth knowing about (the access mode is `access`). */
export type FdFlag = 'append' | 'nonblock' | 'sync' | 'dsync' | 'async' | 'noatime' | 'path';

export interface SocketInfo {
  family: 'unix' | 'inet' | 'inet6' | 'netlink' | 'packet' | 'vsock' | 'other';
  /** 'stream', 'dgram', 'seqpacket', 'raw'... */
  kind: string;
  /** `127.0.0.1:8080`, `[::1]:443`, a socket path, `@abstract`, or '' when unbound. */
  local: string;
  /** The connected peer, in the same notation; '' when not connected. */
  peer: string;
  listening: boolean;
  /** As lsof shows it: TCP's (`LISTEN`, `ESTABLISHED`, `CLOSE_WAIT`...); `LISTEN`, `CONNECTED` or `UNCONNECTED` for unix; '' for others. */
  state: string;
}

export interface FdInfo {
  fd: number;
  type: FdType;
  /** The path (realpath, ` (deleted)` when unlinked), or `pipe:[ino]`, `socket:[ino]`, `anon_inode:[eventfd]`. */
  target: string;
  cloexec: boolean;
  access: 'r' | 'w' | 'rw';
  /** Held by the JavaScript runtime: `owner !== null`. */
  runtime: boolean;
  /**
   * Who holds it, when not the caller: a name from the documented vocabulary
   * (docs/runtime-guard.md#owners), such as `node:epoll` or `node:tcp`;
   * null for the caller's own fds (and always for another process).
   */
  owner: string | null;
  flags: FdFlag[];
  /** The file offset; null where there is none (pipes, sockets, terminals). */
  position: number | null;
  /** Size in bytes of a regular file; null for everything else. */
  size: number | null;
  inode: number;
  /** `major:minor` of the filesystem holding the inode, as lsof's DEVICE column. */
  device: string;
  /** The mount the inode was reached through, as lsfd's MNTID; null before Linux 5.8. */
  mountId: number | null;
  /** Family and addresses of a socket, when `sockets: true` was asked for. */
  socket?: SocketInfo;
  /** Who opened it, in leak reports while fd tracing is on (CLOSE_RANGE_TRACE=1 or enableFdTracing()). */
  origin?: FdOrigin;
}

/** Where a traced fd was opened. */
export interface FdOrigin {
  /** What opened it: `fs.openSync`, `fs.promises.open`, `net.Server.listen`, `child_process.spawn`... */
  call: string;
  /** `path:line:column` of the first caller outside Node and this library; undefined when there was none. */
  at: string | undefined;
  /** Those callers' stack frames, innermost first. */
  stack: string;
}

export interface FdListOptions {
  /** Lowest fd to include (default 0). */
  from?: number;
  /** Highest fd to include (default 4294967295). */
  to?: number;
  /** Another process (default: this one). */
  pid?: number;
}

export interface FdDescribeOptions extends FdListOptions {
  /** Also read family and addresses of sockets (four syscalls per socket; for another pid, its /proc/PID/net tables). */
  sockets?: boolean;
}

export interface FdSnapshot {
  /** Descriptors opened since the snapshot (by number and identity), the runtime's own left out. */
  leaked(): FdInfo[];
}
