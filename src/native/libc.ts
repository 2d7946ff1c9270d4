// libc through koffi. Every binding returns a result >= 0 or a negative
// errno, never throws, and reads errno on the line right after the call (any
// other native call in between can overwrite it).
import { loadKoffi, runningProcess } from './koffi.js';

// process.arch, not `import { arch } from 'node:process'`: importing that
// module builds its namespace from every property, which creates
// process.stdin/stdout/stderr (and libuv's reserve fd) as a side effect.
const { arch } = process;

export interface Libc {
  /** close_range(2) through syscall(2): glibc < 2.34 and musl have no wrapper. */
  closeRange(first: number, last: number, flags: number): number;
  close(fd: number): number;
  /** fcntl(2) with an int argument (F_GETFD, F_SETFD, F_GETFL, F_DUPFD_CLOEXEC...). */
  fcntl(fd: number, command: number, argument: number): number;
  open(path: string, flags: number, mode: number): number;
  dup2(oldFd: number, newFd: number): number;
  unshare(flags: number): number;
  /** prlimit(2) on this process: sets `newLimits` ([soft, hard]) unless null; `previous` receives the limits before. */
  prlimit(resource: number, newLimits: BigUint64Array | null, previous: BigUint64Array): number;
  openat(dirFd: number, path: string, flags: number, mode: number): number;
  read(fd: number, buffer: Uint8Array): number;
  /** Fills `buffer` with the link's bytes (not NUL-terminated); returns their count. */
  readlinkat(dirFd: number, path: string, buffer: Uint8Array): number;
  /** getdents64(2) through syscall(2) (glibc < 2.30 has no wrapper): linux_dirent64 records, 0 at the end. */
  getdents64(dirFd: number, buffer: Uint8Array): number;
  /** statx(2) through syscall(2) (musl < 1.2.5 has no wrapper); its layout is the same on every architecture. */
  statx(dirFd: number, path: string, flags: number, mask: number, buffer: Uint8Array): number;
  lseek(fd: number, offset: number, whence: number): number;
  /** getsockopt(2) for an int option. */
  getsockoptInt(fd: number, level: number, name: number): number;
  /** getsockname(2) into `address`; returns the address length. */
  getsockname(fd: number, address: Uint8Array): number;
  /** getpeername(2) into `address`; returns the address length. */
  getpeername(fd: number, address: Uint8Array): number;
  /** execve(2); `argv` and `envp` end with null. Returns only on failure. */
  execve(path: string, argv: Array<string | null>, envp: Array<string | null>): number;
  /** sigaction(2) with opaque SIGACTION_SIZE buffers (null for none): saved and restored as is. */
  sigaction(signal: number, action: Uint8Array | null, previous: Uint8Array | null): number;
  /** sigprocmask(2): the calling thread's mask, as SIGSET_SIZE buffers. */
  sigprocmask(how: number, set: Uint8Array | null, previous: Uint8Array | null): number;
  flock(fd: number, operation: number): number;
  /** fcntl(2) F_SETOWN_EX / F_GETOWN_EX: `owner` is a struct f_owner_ex { int type; pid_t pid; }. */
  fcntlOwner(fd: number, command: number, owner: Int32Array): number;
  /** fstatfs(2) into an opaque STATFS_SIZE buffer; read f_type with statfsType(). */
  fstatfs(fd: number, buffer: Uint8Array): number;
  /** select(2) on a read set only, with a zero timeout: never blocks. */
  selectReadable(nfds: number, readSet: Uint8Array): number;
  /** kcmp(2) KCMP_FILE on two fds of this process: 0 when both are one open file description (a dup), > 0 when not. */
  sameOpenFile(fd1: number, fd2: number): number;
}

// x86-64, arm64 and every other architecture since Linux 5.1 share the
// generic syscall table for new calls; only alpha differs, and Node has no alpha port.
const SYS_CLOSE_RANGE = 436;
// Older calls are numbered per architecture: every Linux architecture koffi supports.
const SYSCALL_NUMBERS: Record<string, { getdents64: number; statx: number; kcmp: number }> = {
  x64: { getdents64: 217, statx: 332, kcmp: 312 },
  ia32: { getdents64: 220, statx: 383, kcmp: 349 },
  arm: { getdents64: 217, statx: 397, kcmp: 378 },
  arm64: { getdents64: 61, statx: 291, kcmp: 272 },
  riscv64: { getdents64: 61, statx: 291, kcmp: 272 },
  loong64: { getdents64: 61, statx: 291, kcmp: 272 },
};
const KCMP_FILE = 0;

/** The errnos the library acts on, negative as every binding here returns them. */
export const EPERM = -1;
export const ENOENT = -2;
export const ESRCH = -3;
export const EBADF = -9;
export const EWOULDBLOCK = -11;
export const EACCES = -13;
export const ENODEV = -19;
export const ENOTDIR = -20;
export const EINVAL = -22;
export const EMFILE = -24;
export const ENOSYS = -38;
export const ETIMEDOUT = -110;
export const ESTALE = -116;

export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const FD_CLOEXEC = 1;
export const O_ACCMODE = 3;
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_CLOEXEC = 0o2000000;
export const CLONE_FILES = 0x400;
/** On x86-64, arm64 and the other generic-ABI ports (not mips or sparc). */
export const RLIMIT_NOFILE = 7;
export const O_DIRECTORY_CLOEXEC = 0o2000000 | (arch === 'arm' || arch === 'arm64' ? 0o40000 : 0o200000);
export const AT_EMPTY_PATH = 0x1000;
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const F_SETFL = 4;
export const O_NONBLOCK = 0o4000;
export const LOCK_SH = 1;
export const LOCK_EX = 2;
export const LOCK_NB = 4;
export const LOCK_UN = 8;
export const SIG_SETMASK = 2;
export const F_SETOWN_EX = 15;
export const F_GETOWN_EX = 16;
export const F_OWNER_TID = 0;
export const SIGPIPE = 13;
export const SIGXFSZ = 25;
/** Larger than struct sigaction (glibc 152 bytes, musl 152) and sigset_t (128): opaque buffers. */
export const SIGACTION_SIZE = 256;
export const SIGSET_SIZE = 128;
/** Larger than struct statfs on every architecture (120 bytes on 64-bit). */
export const STATFS_SIZE = 128;

/**
 * f_type, the first field of struct statfs: a long, or an int on s390x, the
 * only big-endian port of Node (node:os would be ~1 ms more of every start-up).
 */
export const statfsType = (buffer: Buffer): number => (arch === 's390x' ? buffer.readUInt32BE(0) : buffer.readUInt32LE(0));

let bindings: Libc | undefined;

/** Loads koffi on first use (about 12 ms), then returns the same bindings. */
export function libc(): Libc {
  return (bindings ??= bind());
}

/** Whether koffi is loaded already: loading it needs free descriptors. */
export const libcLoaded = (): boolean => bindings !== undefined;

function bind(): Libc {
  const koffi = loadKoffi();
  const lib = runningProcess();
  const checked =
    <A extends unknown[]>(fn: (...args: A) => number) =>
    (...args: A): number => {
      const result = fn(...args);
      return result < 0 ? -koffi.errno() : result;
    };
  const syscall = lib.func('long syscall(long, uint, uint, uint)');
  const close = lib.func('int close(int)');
  const fcntl = lib.func('int fcntl(int, int, int)');
  const open = lib.func('int open(str, int, uint)');
  const dup2 = lib.func('int dup2(int, int)');
  const unshare = lib.func('int unshare(int)');
  const prlimit = lib.func('int prlimit(int, int, const uint64_t *, _Out_ uint64_t *)');
  const openat = lib.func('int openat(int, str, int, uint)');
  const read = lib.func('long read(int, _Out_ uint8_t *, ulong)');
  const readlinkat = lib.func('long readlinkat(int, str, _Out_ uint8_t *, ulong)');
  const getdents64 = lib.func('long syscall(long, int, _Out_ uint8_t *, ulong)');
  const statx = lib.func('long syscall(long, int, str, int, uint, _Out_ uint8_t *)');
  const kcmp = lib.func('long syscall(long, int, int, int, ulong, ulong)');
  const lseek = lib.func('long lseek(int, long, int)');
  const getsockopt = lib.func('int getsockopt(int, int, int, _Out_ uint8_t *, _Inout_ uint8_t *)');
  const getsockname = lib.func('int getsockname(int, _Out_ uint8_t *, _Inout_ uint8_t *)');
  const getpeername = lib.func('int getpeername(int, _Out_ uint8_t *, _Inout_ uint8_t *)');
  const socklen = new Uint32Array(1);
  const socklenBytes = new Uint8Array(socklen.buffer);
  const intValue = new Int32Array(1);
  const intBytes = new Uint8Array(intValue.buffer);
  const withLength =
    (fn: (fd: number, address: Uint8Array, length: Uint8Array) => number) =>
    (fd: number, address: Uint8Array): number => {
      socklen[0] = address.length;
      const result = fn(fd, address, socklenBytes);
      return result < 0 ? -koffi.errno() : socklen[0]!;
    };
  const execve = lib.func('int execve(str, str *, str *)');
  const sigaction = lib.func('int sigaction(int, void *, void *)');
  const sigprocmask = lib.func('int sigprocmask(int, void *, void *)');
  const flock = lib.func('int flock(int, int)');
  const fcntlOwner = lib.func('int fcntl(int, int, void *)');
  const fstatfs = lib.func('int fstatfs(int, _Out_ uint8_t *)');
  const select = lib.func('int select(int, uint8_t *, void *, void *, uint8_t *)');
  const zeroTimeout = Buffer.alloc(16);
  const numbers = SYSCALL_NUMBERS[arch];
  return {
    // Written out rather than through checked(): this is the hot path.
    closeRange(first, last, flags) {
      const result = syscall(SYS_CLOSE_RANGE, first, last, flags);
      return result < 0 ? -koffi.errno() : result;
    },
    close: checked((fd: number) => close(fd)),
    fcntl: checked((fd: number, command: number, argument: number) => fcntl(fd, command, argument)),
    open: checked((path: string, flags: number, mode: number) => open(path, flags, mode)),
    dup2: checked((oldFd: number, newFd: number) => dup2(oldFd, newFd)),
    unshare: checked((flags: number) => unshare(flags)),
    prlimit: checked((resource: number, newLimits: BigUint64Array | null, previous: BigUint64Array) =>
      prlimit(0, resource, newLimits, previous)),
    openat: checked((dirFd: number, path: string, flags: number, mode: number) => openat(dirFd, path, flags, mode)),
    read: checked((fd: number, buffer: Uint8Array) => read(fd, buffer, buffer.length)),
    readlinkat: checked((dirFd: number, path: string, buffer: Uint8Array) => readlinkat(dirFd, path, buffer, buffer.length)),
    getdents64: numbers
      ? checked((dirFd: number, buffer: Uint8Array) => getdents64(numbers.getdents64, dirFd, buffer, buffer.length))
      : () => ENOSYS,
    statx: numbers
      ? checked((dirFd: number, path: string, flags: number, mask: number, buffer: Uint8Array) =>
          statx(numbers.statx, dirFd, path, flags, mask, buffer))
      : () => ENOSYS,
    lseek: checked((fd: number, offset: number, whence: number) => lseek(fd, offset, whence)),
    getsockoptInt(fd, level, name) {
      socklen[0] = 4;
      const result = getsockopt(fd, level, name, intBytes, socklenBytes);
      return result < 0 ? -koffi.errno() : intValue[0]!;
    },
    getsockname: withLength(getsockname),
    getpeername: withLength(getpeername),
    execve: checked((path: string, argv: Array<string | null>, envp: Array<string | null>) => execve(path, argv, envp)),
    sigaction: checked((signal: number, action: Uint8Array | null, previous: Uint8Array | null) =>
      sigaction(signal, action, previous)),
    sigprocmask: checked((how: number, set: Uint8Array | null, previous: Uint8Array | null) => sigprocmask(how, set, previous)),
    flock: checked((fd: number, operation: number) => flock(fd, operation)),
    fcntlOwner: checked((fd: number, command: number, owner: Int32Array) => fcntlOwner(fd, command, owner)),
    fstatfs: checked((fd: number, buffer: Uint8Array) => fstatfs(fd, buffer)),
    selectReadable: checked((nfds: number, readSet: Uint8Array) => select(nfds, readSet, null, null, zeroTimeout.fill(0))),
    sameOpenFile: numbers
      ? checked((fd1: number, fd2: number) => kcmp(numbers.kcmp, process.pid, process.pid, KCMP_FILE, fd1, fd2))
      : () => ENOSYS,
  };
}
