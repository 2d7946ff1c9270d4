// What registering needs only once a child is about to start, loaded then
// (synchronously, as the CommonJS build, from either build of the register
// entry): the drop-ins' handoff, and with it the library, the FFI and the
// runtime guard. Start-up then pays none of it.
import { startWithHandoff, markAllButKept } from '../child_process/handoff.js';
import type { FdHandoff } from '../child_process/options.js';
import { withSpawnLock } from '../child_process/spawn-lock.js';
import { runtime } from '../runtime/detect.js';

export { withFdHandoff } from '../child_process/wrap.js';
export { makeInheritable } from './inheritable.js';

type AnyFunction = (...args: any[]) => any;

const CLOSE_ALL: FdHandoff = { closeFds: true, passFds: [], options: undefined };

/**
 * ChildProcess.prototype.spawn, which spawn, exec, execFile and fork call:
 * it sees no passFds, so where children keep only their stdio it has nothing
 * to do (undefined: leave it as it is).
 */
export function prototypeSpawnWithHandoff(spawnChild: AnyFunction): AnyFunction | undefined {
  if (runtime.childKeepsOnlyStdio) return undefined;
  return function spawn(this: unknown, ...args: unknown[]): unknown {
    return startWithHandoff(CLOSE_ALL, 'spawn', () => spawnChild.apply(this, args));
  };
}

/** Marks every fd >= 3 but the kept ones close-on-exec, between child starts. */
export function markInheritedFds(): void {
  withSpawnLock('shared', markAllButKept);
}
