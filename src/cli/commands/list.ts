import type { FdQueryInvocation } from '../arguments.js';
import { paintFor } from '../colour.js';
import { toSafeJson } from '../escape.js';
import { EXIT_OK } from '../exit-status.js';
import { describeTable } from '../fd-table-source.js';
import { formatFdTable } from '../fd-table.js';

export function list({ pid, json }: FdQueryInvocation): number {
  const fds = describeTable(pid);
  process.stdout.write(json ? `${toSafeJson(fds)}\n` : formatFdTable(fds, paintFor(1)));
  return EXIT_OK;
}
