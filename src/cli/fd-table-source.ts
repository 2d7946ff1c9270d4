// The descriptors list and audit describe: another process's table as it is,
// or, for close-range itself, what its caller handed over at exec.
import { describeFds, type FdInfo } from '../index.js';
import { describeInherited } from './inherited.js';

export const describeTable = (pid: number | undefined): FdInfo[] =>
  pid === undefined ? describeInherited() : describeFds({ pid });
