// Opens descriptors the way C code in an addon does: straight through libc,
// with or without the CLOEXEC flag, behind the library's back.
import koffi from 'koffi';

const CLOEXEC = 0o2000000; // O_CLOEXEC = SOCK_CLOEXEC = EFD_CLOEXEC = EPOLL_CLOEXEC = TFD_CLOEXEC
const AF_UNIX = 1;
const SOCK_STREAM = 1;
const CLOCK_MONOTONIC = 1;

let bindings;
function libc() {
  if (bindings) return bindings;
  const lib = koffi.load(null);
  bindings = {
    pipe2: lib.func('int pipe2(_Out_ int *fds, int flags)'),
    socketpair: lib.func('int socketpair(int domain, int type, int protocol, _Out_ int *fds)'),
    eventfd: lib.func('int eventfd(unsigned int initval, int flags)'),
    epollCreate1: lib.func('int epoll_create1(int flags)'),
    timerfdCreate: lib.func('int timerfd_create(int clockid, int flags)'),
  };
  return bindings;
}

const checked = (what, fd) => {
  if (fd < 0) throw new Error(`${what} failed`);
  return fd;
};

function pair(what, call) {
  const fds = [-1, -1];
  checked(what, call(fds));
  return fds;
}

/** Each kind C code opens, as { label: [fd, ...] }, once with and once without CLOEXEC. */
export function openNativeFds() {
  const fds = {};
  for (const [suffix, flag] of [['', 0], ['+cloexec', CLOEXEC]]) {
    fds[`ffi:pipe2${suffix}`] = pair('pipe2', (out) => libc().pipe2(out, flag));
    fds[`ffi:socketpair${suffix}`] = pair('socketpair', (out) => libc().socketpair(AF_UNIX, SOCK_STREAM | flag, 0, out));
    fds[`ffi:eventfd${suffix}`] = [checked('eventfd', libc().eventfd(0, flag))];
    fds[`ffi:epoll_create1${suffix}`] = [checked('epoll_create1', libc().epollCreate1(flag))];
    fds[`ffi:timerfd_create${suffix}`] = [checked('timerfd_create', libc().timerfdCreate(CLOCK_MONOTONIC, flag))];
  }
  return fds;
}

/** One pipe, [read end, write end], with CLOEXEC when `cloexec`. */
export const nativePipe = (cloexec) => pair('pipe2', (out) => libc().pipe2(out, cloexec ? CLOEXEC : 0));

/** One eventfd, with CLOEXEC when `cloexec`. */
export const nativeEventfd = (cloexec) => checked('eventfd', libc().eventfd(0, cloexec ? CLOEXEC : 0));

const F_GETFD = 1;
const FD_CLOEXEC = 1;
const F_SETOWN = 8;
const F_GETOWN = 9;

let observers;
function observe() {
  if (observers) return observers;
  const lib = koffi.load(null);
  observers = {
    fcntl: lib.func('int fcntl(int fd, int cmd, int arg)'),
    mkfifo: lib.func('int mkfifo(const char *path, unsigned int mode)'),
  };
  return observers;
}

/** Whether fd is open, from fcntl(F_GETFD), asked without the library under test. */
export const isOpen = (fd) => observe().fcntl(fd, F_GETFD, 0) >= 0;
export const hasCloexec = (fd) => (observe().fcntl(fd, F_GETFD, 0) & FD_CLOEXEC) !== 0;

/**
 * Marks the open file description behind fd (its F_SETOWN owner, which only
 * matters under O_ASYNC), so that a later look can tell it from another file
 * the runtime opened meanwhile under the same number (libuv's reserve is a
 * read-only /dev/null too).
 */
export function tagFile(fd) {
  checked(`F_SETOWN on fd ${fd}`, observe().fcntl(fd, F_SETOWN, process.pid));
}

export const isTaggedFile = (fd) => observe().fcntl(fd, F_GETOWN, 0) === process.pid;

export function makeFifo(path) {
  checked(`mkfifo ${path}`, observe().mkfifo(path, 0o600));
  return path;
}

/** The epoll fd of Node's main event loop, from libuv's API in the node binary. */
export function mainLoopEpollFd() {
  const lib = koffi.load(null);
  const loop = lib.func('void *uv_default_loop()')();
  return lib.func('int uv_backend_fd(void *)')(loop);
}
