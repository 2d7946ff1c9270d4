import type { FdQueryInvocation } from '../arguments.js';
import { paintFor } from '../colour.js';
import { toSafeJson } from '../escape.js';
import { EXIT_OK } from '../exit-status.js';
import { describeTable } from '../fd-table-source.js';
import { formatFdTable } from '../fd-table.js';

export function list({ pid, json, sockets }: FdQueryInvocation): number {
  const { fds, fdinfoError } = describeTable(pid, sockets);
  if (fdinfoError) {
    const unknown = json ? 'access, cloexec, flags and position are null' : 'ACCESS and CLOEXEC are shown as ?';
    process.stderr.write(`close-range list: note: ${fdinfoError.message}: ${unknown}\n`);
  }
  process.stdout.write(json ? `${toSafeJson(fds)}\n` : formatFdTable(fds, paintFor(1)));
  return EXIT_OK;
}
