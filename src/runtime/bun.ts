// Bun: its event loop is an epoll fd and an eventfd (3 and 4 at start-up),
// each worker adds another pair, and servers, sockets and Bun.spawn pipes are
// close-on-exec sockets and pipes: the shared rule recognizes all of them.
// What it lacks is a signal for when they change: process.getActiveResourcesInfo()
// always returns [] and Web Workers publish nothing on diagnostics_channel.
// process.stdout and process.stderr write through close-on-exec copies of
// fds 1 and 2 (made when first used, 5 and up): a regular file when output
// goes to one, which only its sameness with 0-2 tells from a user's file.
// Bun also marks every inherited fd from 4 up close-on-exec at start-up, and
// its spawn closes every fd >= 3 in the child that stdio does not name.
import { fstatSync } from 'node:fs';
import type { FdHandoff } from '../child_process/options.js';
import { stdioEntries, type StdioDefaults } from '../child_process/stdio-slots.js';
import type { RuntimeProfile } from './detect.js';
import { runtimeUnsupported } from './unsupported.js';

export const bunProfile: RuntimeProfile = {
  name: 'bun',
  fingerprintable: false,
  ownsEveryCloexecFd: false,
  ownsFd: isCopyOfStdio,
  childKeepsOnlyStdio: true,
  permissionError: () => undefined,
};

/** Whether `fd` is the same file as fd 0, 1 or 2 (a user's second open of it counts too: kept, harmlessly). */
function isCopyOfStdio(fd: number): boolean {
  const file = fileIdentity(fd);
  return file !== undefined && [0, 1, 2].some((stdio) => fileIdentity(stdio) === file);
}

function fileIdentity(fd: number): string | undefined {
  try {
    const { dev, ino } = fstatSync(fd);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The arguments to hand Bun's node:child_process for a call with `handoff`:
 * passFds moved into a copy of the options' stdio, each at its own number
 * (slots in between stay 'ignore', empty in the child). Bun's fork ignores
 * stdio entries beyond its IPC channel, so fork with passFds is refused.
 */
export function argsForBun(args: unknown[], handoff: FdHandoff, defaults: StdioDefaults): unknown[] {
  if (handoff.passFds.length === 0) return args;
  if (defaults === 'fork') {
    throw runtimeUnsupported(
      'fork() with passFds',
      'Bun',
      'Bun starts a forked child with fds 0-2 and its IPC channel only, whatever stdio says',
      'start the child with spawn() and pass the descriptors there',
    );
  }
  const entries = [...stdioEntries(handoff.options?.stdio, defaults)];
  for (const fd of handoff.passFds) {
    while (entries.length <= fd) entries.push('ignore');
    if (fd >= 3 && (entries[fd] === 'ignore' || entries[fd] === null || entries[fd] === undefined)) entries[fd] = fd;
  }
  return args.map((arg) => (arg === handoff.options ? { ...handoff.options, stdio: entries } : arg));
}
