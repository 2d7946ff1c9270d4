// enableFdTracing: wraps the functions through which JavaScript code gets an
// fd, to remember where each was called from. Nothing here runs, and
// nothing is wrapped, until it is called.
import { createRequire } from 'node:module';
import type { FdOrigin } from '../fds/types.js';
import { callSite } from './call-site.js';
import { forgetFd, isTracing, originOfHolder, rememberFd, rememberHolder, startTracing } from './origins.js';

// Through require(), as node-util.ts says why: no module namespace is built for these.
const require = createRequire(import.meta.url);

type Fn = (this: unknown, ...args: any[]) => any;
type Handled = { _handle?: { fd?: number } | null };

const fdOfHandle = (owner: Handled | null | undefined): number | undefined => owner?._handle?.fd;

/**
 * From now on, this thread remembers where each fd was opened through fs
 * (openSync, open, promises.open, createReadStream/createWriteStream), net
 * (sockets, servers and the connections they accept) and child_process (a
 * child's stdio pipes), so that leak reports say which line opened it.
 * Called again, it does nothing.
 */
export function enableFdTracing(): void {
  if (isTracing()) return;
  startTracing();
  traceFs(require('node:fs'));
  traceNet(require('node:net'));
  traceChildProcess(require('node:child_process'));
  // ESM named imports (`import { openSync } from 'node:fs'`) are bindings of their own.
  require('node:module').syncBuiltinESMExports?.();
}

function origin(call: string, below: Function): FdOrigin {
  return { call, ...callSite(below) };
}

/** Replaces `owner[name]` by what `wrap` makes of it, keeping its name for stack traces and inspection. */
function wrap(owner: Record<string, unknown>, name: string, make: (original: Fn) => Fn): void {
  const original = owner[name];
  if (typeof original !== 'function') return;
  const wrapper = make(original as Fn);
  Object.defineProperty(wrapper, 'name', { value: original.name });
  owner[name] = wrapper;
}

function traceFs(fs: typeof import('node:fs')): void {
  const module = fs as unknown as Record<string, unknown>;
  wrap(module, 'openSync', (original) =>
    function openSync(...args) {
      const fd = original.apply(this, args) as number;
      rememberFd(fd, origin('fs.openSync', openSync));
      return fd;
    });
  wrap(module, 'open', (original) =>
    function open(...args) {
      const callback = args.at(-1);
      if (typeof callback !== 'function') return original.apply(this, args);
      const from = origin('fs.open', open);
      return original.apply(this, [...args.slice(0, -1), (error: Error | null, fd: number) => {
        if (error === null) rememberFd(fd, from);
        callback(error, fd);
      }]);
    });
  for (const name of ['closeSync', 'close']) {
    wrap(module, name, (original) => function (...args) {
      forgetFd(args[0]);
      return original.apply(this, args);
    });
  }
  // A stream opens from a nextTick, where its caller's frames are gone: take them at creation.
  for (const name of ['createReadStream', 'createWriteStream']) {
    wrap(module, name, (original) => function createStream(...args) {
      const from = origin(`fs.${name}`, createStream);
      const stream = original.apply(this, args) as import('node:fs').ReadStream;
      stream.once('open', (fd: number) => rememberFd(fd, from));
      return stream;
    });
  }
  wrap(fs.promises as unknown as Record<string, unknown>, 'open', (original) =>
    function open(...args) {
      const from = origin('fs.promises.open', open);
      return (original.apply(this, args) as Promise<import('node:fs/promises').FileHandle>).then((handle) => {
        rememberHolder(handle, ({ fd }) => [fd], from);
        return handle;
      });
    });
}

function traceNet(net: typeof import('node:net')): void {
  const socketFds = (socket: Handled): (number | undefined)[] => [fdOfHandle(socket)];
  wrap(net.Socket.prototype as unknown as Record<string, unknown>, 'connect', (original) =>
    function connect(...args) {
      rememberHolder(this as Handled, socketFds, origin('net.Socket.connect', connect));
      return original.apply(this, args);
    });
  wrap(net.Server.prototype as unknown as Record<string, unknown>, 'listen', (original) =>
    function listen(...args) {
      rememberHolder(this as Handled, socketFds, origin('net.Server.listen', listen));
      return original.apply(this, args);
    });
  // Accepted in the event loop, with no caller: the origin is the server's listen.
  require('node:diagnostics_channel').subscribe('net.server.socket', (message: unknown) => {
    const socket = (message as { socket: Handled & { server?: object } }).socket;
    const server = socket.server && originOfHolder(socket.server);
    if (server) rememberHolder(socket, socketFds, { ...server, call: `a connection accepted by ${server.call}` });
  });
}

function traceChildProcess(childProcess: typeof import('node:child_process')): void {
  wrap(childProcess.ChildProcess.prototype as unknown as Record<string, unknown>, 'spawn', (original) =>
    function spawn(...args) {
      const from = origin('child_process.spawn', spawn);
      const result = original.apply(this, args);
      rememberHolder(this as { stdio?: (Handled | null)[] }, (child) => (child.stdio ?? []).map(fdOfHandle), from);
      return result;
    });
}
