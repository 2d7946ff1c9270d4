// close-range: close_range(2) for JavaScript runtimes.
export { CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE, FD_MAX } from './constants.js';
export type { RangeOptions } from './types.js';
export { closeRange, closeFrom, cloexecFrom } from './close-range.js';
export { probe, type ProbeResult } from './probe.js';
export { execve, type ExecveOptions } from './exec/execve.js';
export { listFds, nextFd, highestFd } from './fds/list.js';
export { describeFd, describeFds } from './fds/describe.js';
export { snapshotFds, assertNoFdLeaks } from './fds/leaks.js';
export { enableFdTracing } from './trace/enable.js';
import './trace/environment.js';
import { watchFsObjects } from './ownership/fs-objects.js';
// From here on, the FileHandles and fs streams the program opens are known, and closes spare their fds.
watchFsObjects();
export type { FdInfo, FdType, FdFlag, FdListOptions, FdDescribeOptions, FdSnapshot, FdOrigin, SocketInfo } from './fds/types.js';
