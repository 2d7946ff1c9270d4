// Open-file status flags as F_GETFL (or the flags line of fdinfo) reports
// them. Only the values shared by every architecture are decoded: O_DIRECT,
// O_DIRECTORY and O_LARGEFILE differ on arm and arm64.
import { O_ACCMODE } from '../native/libc.js';
import type { FdFlag, FdInfo } from './types.js';

const O_DSYNC = 0o10000;
const O_SYNC = 0o4010000; // includes O_DSYNC
const STATUS_FLAGS: [FdFlag, number][] = [
  ['append', 0o2000],
  ['nonblock', 0o4000],
  ['async', 0o20000],
  ['noatime', 0o1000000],
  ['path', 0o10000000],
];
const ACCESS: FdInfo['access'][] = ['r', 'w', 'rw', 'rw'];

export const accessOf = (statusFlags: number): FdInfo['access'] => ACCESS[statusFlags & O_ACCMODE]!;

export function flagsOf(statusFlags: number): FdFlag[] {
  const flags: FdFlag[] = STATUS_FLAGS.filter(([, bit]) => statusFlags & bit).map(([name]) => name);
  if ((statusFlags & O_SYNC) === O_SYNC) flags.push('sync');
  else if (statusFlags & O_DSYNC) flags.push('dsync');
  return flags;
}
