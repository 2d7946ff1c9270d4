import type { FdQueryInvocation } from '../arguments.js';
import { paintFor } from '../colour.js';
import { toSafeJson } from '../escape.js';
import { EXIT_FDS_INHERITED, EXIT_OK } from '../exit-status.js';
import { describeTable } from '../fd-table-source.js';
import { formatFdTable } from '../fd-table.js';

/** Exit status 1 when a child would inherit any descriptor >= 3, else 0. */
export function audit({ pid, json, sockets }: FdQueryInvocation): number {
  const { fds, fdinfoError } = describeTable(pid, sockets);
  // Without close-on-exec flags no fd can be cleared: a 0 would be a guess.
  if (fdinfoError) throw new Error(`${fdinfoError.message}: without it, which fds a child inherits cannot be told`);
  const inheritable = fds.filter(({ fd, cloexec }) => fd >= 3 && !cloexec);
  const holder = pid === undefined ? 'the caller of close-range' : `process ${pid}`;
  if (json) {
    process.stdout.write(`${toSafeJson(inheritable)}\n`);
  } else if (inheritable.length === 0) {
    process.stdout.write(`No descriptor >= 3 lacks close-on-exec: children of ${holder} inherit none.\n`);
  } else {
    const count = inheritable.length === 1 ? '1 descriptor' : `${inheritable.length} descriptors`;
    process.stdout.write(`${count} >= 3 without close-on-exec: every child of ${holder} inherits ${inheritable.length === 1 ? 'it' : 'them'}.\n`);
    process.stdout.write(formatFdTable(inheritable, paintFor(1)));
  }
  return inheritable.length === 0 ? EXIT_OK : EXIT_FDS_INHERITED;
}
