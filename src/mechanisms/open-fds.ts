import { FD_MAX } from '../constants.js';
import { probeOpenFds } from './brute-force.js';
import { procFds } from './procfs.js';

export interface OpenFds {
  /** Ascending. */
  fds: number[];
  /** Whether /proc/self/fd/N links can describe them. */
  fromProcfs: boolean;
}

/** Every open fd: from procfs when it is there, else by asking each number below the table size. */
export function listOpenFds(): OpenFds {
  const fds = procFds(0, FD_MAX);
  return fds === undefined ? { fds: probeOpenFds(), fromProcfs: false } : { fds, fromProcfs: true };
}
