// Which descriptor numbers libuv fills in the child from `stdio`: it dup2s
// entry i onto fd i, replacing whatever the child would have inherited there.
import { util } from '../node-util.js';

const { inspect } = util;

export type StdioDefaults = 'spawn' | 'fork' | 'exec';

/** The stdio array node builds from options.stdio (fork adds its IPC channel; exec and execFile ignore it). */
export function stdioEntries(stdio: unknown, defaults: StdioDefaults): readonly unknown[] {
  if (defaults === 'exec') return ['pipe', 'pipe', 'pipe'];
  if (Array.isArray(stdio)) return stdio;
  const each = typeof stdio === 'string' ? stdio : defaults === 'fork' ? 'inherit' : 'pipe';
  return defaults === 'fork' ? [each, each, each, 'ipc'] : [each, each, each];
}

/**
 * Describes the stdio entry that would replace inherited fd `fd` in the child,
 * or returns undefined when the child keeps the parent's fd there: 'inherit'
 * and the same number pass the same descriptor, and libuv leaves fds >= 3
 * alone for 'ignore' and empty entries.
 */
export function stdioEntryReplacing(fd: number, entries: readonly unknown[]): string | undefined {
  if (fd >= entries.length) return undefined;
  const entry = entries[fd];
  if (entry === 'inherit' || entry === fd || (entry as { fd?: unknown } | null)?.fd === fd) return undefined;
  if (fd >= 3 && (entry === null || entry === undefined || entry === 'ignore')) return undefined;
  return typeof entry === 'object' && entry !== null ? `a ${entry.constructor?.name ?? 'stream'}` : inspect(entry);
}
