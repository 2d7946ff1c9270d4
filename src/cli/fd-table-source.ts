// The descriptors list and audit describe: another process's table as it is,
// or, for close-range itself, what its caller handed over at exec.
import { describeFds, type FdInfo } from '../index.js';
import { inheritedFds } from './inherited.js';
import { procfsAtStartup } from './startup-fds.js';

export function describeTable(pid: number | undefined): FdInfo[] {
  if (pid !== undefined) return describeFds({ pid });
  if (!procfsAtStartup) throw new Error('seeing what was inherited needs procfs mounted at /proc');
  const inherited = new Set(inheritedFds());
  // Node has marked some of them close-on-exec since; in the caller they had
  // no close-on-exec (or they would not be here), so every child gets them.
  return describeFds()
    .filter(({ fd }) => inherited.has(fd))
    .map((info) => ({ ...info, cloexec: false, runtime: false }));
}
