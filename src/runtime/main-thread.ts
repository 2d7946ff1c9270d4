// node:worker_threads on first use, not at import: loading that module is
// about a quarter of what importing close-range costs (3-4 ms of ~14 cold).
import { createRequire } from 'node:module';

let mainThread: boolean | undefined;

/** Whether this is the process's main JavaScript thread (not a Worker). */
export const isMainThread = (): boolean =>
  (mainThread ??= (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).isMainThread);
