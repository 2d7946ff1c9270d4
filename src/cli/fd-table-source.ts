// The descriptors list and audit describe: another process's table as it is,
// or, for close-range itself, what its caller handed over at exec.
import { describeFdsWithoutFdinfo } from '../fds/describe.js';
import type { FdInfoWithoutFdinfo } from '../fds/describe-foreign.js';
import { procDirectory } from '../fds/directory.js';
import { describeFds, type FdInfo } from '../index.js';
import { describeInherited } from './inherited.js';

export interface FdTable {
  fds: Array<FdInfo | FdInfoWithoutFdinfo>;
  /** Why close-on-exec and access are unknown (null): /proc/PID/fdinfo could not be read. */
  fdinfoError?: Error;
}

export function describeTable(pid: number | undefined, sockets: boolean): FdTable {
  if (pid === undefined) return { fds: describeInherited(sockets) };
  try {
    return { fds: describeFds({ pid, sockets }) };
  } catch (error) {
    // ls and lsof still show the fds then: so does list.
    if ((error as { path?: string }).path !== procDirectory(pid, 'fdinfo')) throw error;
    return { fds: describeFdsWithoutFdinfo(pid, sockets), fdinfoError: error as Error };
  }
}
