// Output that the new program would never see. A file or terminal stdout is
// written synchronously, and so is a pipe while it has room; once a pipe is
// full, libuv queues the rest and writes it from the event loop, which
// execve ends. That queue cannot be flushed synchronously from here.
import { fstatSync } from 'node:fs';
import { F_GETFL, O_NONBLOCK, libc } from '../native/libc.js';
import { isMainThread } from '../runtime/main-thread.js';

interface StdioStream {
  _handle?: { writeQueueSize?: number } | null;
}

const STREAMS = [['stdout', 1], ['stderr', 2]] as const;

export function assertNoPendingOutput(): void {
  // A worker's stdout is a message port to the main thread: not observable here.
  if (!isMainThread()) return;
  for (const [name, fd] of STREAMS) {
    if (!mayHaveQueuedWrites(fd)) continue;
    const queued = (process[name] as unknown as StdioStream)._handle?.writeQueueSize ?? 0;
    if (queued > 0) throw outputPending(name, queued);
  }
}

/**
 * Only a non-blocking pipe or socket can have writes queued (libuv makes the
 * pipes it writes to non-blocking). Checked first so that process.stdout is
 * not created just to look: creating it would change the fd's flags.
 */
function mayHaveQueuedWrites(fd: number): boolean {
  const statusFlags = libc().fcntl(fd, F_GETFL, 0);
  if (statusFlags < 0 || (statusFlags & O_NONBLOCK) === 0) return false;
  const stats = fstatSync(fd);
  return stats.isFIFO() || stats.isSocket();
}

function outputPending(name: string, queued: number): Error & { code: string } {
  return Object.assign(
    new Error(
      `execve would lose ${queued} bytes still queued for process.${name} (a full pipe): ` +
        `call execve once they are written, e.g. process.${name}.write('', () => execve(...))`,
    ),
    { code: 'ERR_EXECVE_OUTPUT_PENDING' },
  );
}
