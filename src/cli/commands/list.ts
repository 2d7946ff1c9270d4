import type { FdQueryInvocation } from '../arguments.js';
import { paintFor } from '../colour.js';
import { EXIT_OK } from '../exit-status.js';
import { describeTable } from '../fd-table-source.js';
import { formatFdTable } from '../fd-table.js';

export function list({ pid, json }: FdQueryInvocation): number {
  const fds = describeTable(pid);
  process.stdout.write(json ? `${JSON.stringify(fds, null, 2)}\n` : formatFdTable(fds, paintFor(1)));
  return EXIT_OK;
}
