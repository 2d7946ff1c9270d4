// Output that the new program would never see. A file or terminal stdout is
// written synchronously, and so is a pipe while it has room; once a pipe is
// full, libuv queues the rest and writes it from the event loop, which
// execve ends. That queue cannot be flushed synchronously from here.
import { isMainThread } from 'node:worker_threads';

interface StdioStream {
  _handle?: { writeQueueSize?: number } | null;
}

export function assertNoPendingOutput(): void {
  // A worker's stdout is a message port to the main thread: not observable here.
  if (!isMainThread) return;
  for (const name of ['stdout', 'stderr'] as const) {
    const queued = (process[name] as unknown as StdioStream)._handle?.writeQueueSize ?? 0;
    if (queued > 0) throw outputPending(name, queued);
  }
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
