// The inspector's io thread (inspector.open(), --inspect, --inspect-brk):
// an event loop of its own (epoll fd, io_uring ring on Node 22+, signal
// pipe, async eventfd, EMFILE reserve), the listening socket(s) and each
// debugger's connection. Closed under it, the port refuses connections, a
// connected debugger loses its socket (and node waits for it forever at
// exit), and inspector.close() aborts when the loop's fds are gone.
//
// Exact where the kernel says so: the listeners are the sockets bound to the
// port inspector.url() names (process.debugPort under --inspect, where
// node:inspector may not be loaded); a connection shares that local port;
// the loop's epoll fd is the one watching a listener, and what it watches
// (the signal pipe's read end, the eventfd, listeners, connections) is the
// loop's, with the pipe's other end. Two fds the epoll does not watch are
// found by the order the thread opens them in, with the main thread blocked
// in inspector.open() meanwhile: the ring right after the epoll fd (before
// the signal pipe), the reserve last before the first listener.
import { libc } from '../native/libc.js';
import { registrationsOf } from './event-loops.js';
import { loadedBuiltin } from './loaded-builtin.js';
import { anyStartupOption } from './startup-options.js';
import type { Claim, FdOwner, TableLook } from './owner.js';

type Inspector = typeof import('node:inspector');

const EVENTPOLL = 'anon_inode:[eventpoll]';
const IO_URING = 'anon_inode:[io_uring]';
const RESERVE_TARGETS = new Set(['/dev/null', '/']);
const SOL_SOCKET = 1;
const SO_ACCEPTCONN = 30;
const AF_INET = 2;
const AF_INET6 = 10;
// inspector.open() returns once the io thread listens, before its loop first
// polls and so registers its fds with epoll: wait that long, at most ~2 s,
// once for each port.
const REGISTRATION_TRIES = 2000;

const INSPECT_OPTIONS = new Set(['inspect', 'inspect-brk', 'inspect-wait', 'inspect-brk-node']);

let activeAtClaim = false;
let portWaitedFor: number | undefined;
let addressBuffer: Uint8Array | undefined;
let sleeper: Int32Array | undefined;

export const inspectorOwner: FdOwner = {
  claim(look, claim) {
    const port = inspectorPort();
    activeAtClaim = port !== undefined;
    if (port !== undefined) claimIoThread(look, claim, port);
  },
  changedSinceClaim() {
    // A debugger may connect at any moment, on the io thread, with no new async id.
    return inspectorActive() || activeAtClaim;
  },
};

let inspectAtStartup: boolean | undefined;

function inspectorActive(): boolean {
  const inspector = loadedBuiltin<Inspector>('inspector');
  if (inspector !== undefined) return inspector.url() !== undefined;
  return (inspectAtStartup ??= anyStartupOption((name) => INSPECT_OPTIONS.has(name)));
}

/** The port the inspector listens on, or undefined when it is not open. */
function inspectorPort(): number | undefined {
  if (!inspectorActive()) return undefined;
  const url = loadedBuiltin<Inspector>('inspector')?.url();
  // Under --inspect with node:inspector not loaded: Node sets debugPort to the port it bound (--inspect=0 too).
  if (url === undefined) return process.debugPort;
  return Number(new URL(url).port || 80);
}

function claimIoThread(look: TableLook, claim: Claim, port: number): void {
  const listeners: number[] = [];
  for (const fd of look.fds) {
    if (!look.target(fd)?.startsWith('socket:') || localPort(fd) !== port) continue;
    claim(fd, 'inspector');
    if (libc().getsockoptInt(fd, SOL_SOCKET, SO_ACCEPTCONN) === 1) listeners.push(fd);
  }
  if (listeners.length === 0) return;
  const loop = ioLoop(look, listeners, portWaitedFor !== port);
  portWaitedFor = port;
  if (loop === undefined) return;
  claim(loop.epoll, 'inspector');
  for (const fd of loop.watched) if (look.isOpen(fd)) claim(fd, 'inspector');
  const pipes = new Set(loop.watched.map((fd) => look.target(fd)).filter((target) => target?.startsWith('pipe:')));
  const signalPipe = Math.min(...loop.watched.filter((fd) => look.target(fd)?.startsWith('pipe:')));
  const firstListener = Math.min(...listeners);
  let ring: number | undefined;
  let reserve: number | undefined;
  for (const fd of look.fds) {
    const target = look.target(fd);
    if (target === undefined) continue;
    if (pipes.has(target)) claim(fd, 'inspector');
    if (target === IO_URING && fd > loop.epoll && fd < signalPipe) ring ??= fd;
    if (RESERVE_TARGETS.has(target) && fd > loop.epoll && fd < firstListener && look.cloexec(fd) && look.readOnly(fd)) reserve = fd;
  }
  if (ring !== undefined) claim(ring, 'inspector');
  if (reserve !== undefined) claim(reserve, 'inspector');
}

/** The epoll fd that watches one of `listeners`, and every fd it watches; waits for the first registration of a new port. */
function ioLoop(look: TableLook, listeners: readonly number[], wait: boolean): { epoll: number; watched: number[] } | undefined {
  const epolls = look.fds.filter((fd) => look.target(fd) === EVENTPOLL);
  for (let tries = wait ? REGISTRATION_TRIES : 1; tries > 0; tries--) {
    for (const epoll of epolls) {
      const watched = watchedFds(epoll);
      if (listeners.some((fd) => watched.includes(fd))) return { epoll, watched };
    }
    if (tries > 1) Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
  }
  return undefined;
}

/** The fds epoll fd `epoll` watches (its fdinfo's `tfd:` lines); none when it cannot be read. */
function watchedFds(epoll: number): number[] {
  return registrationsOf(epoll)?.map(({ fd }) => fd) ?? [];
}

/** The local TCP/UDP port of socket `fd`; undefined for another family. */
function localPort(fd: number): number | undefined {
  const address = (addressBuffer ??= new Uint8Array(128));
  const length = libc().getsockname(fd, address);
  if (length < 4) return undefined;
  const family = address[0]! | (address[1]! << 8);
  return family === AF_INET || family === AF_INET6 ? (address[2]! << 8) | address[3]! : undefined;
}
