// Every way node:child_process starts a child goes through a function of its
// module object or through ChildProcess.prototype.spawn (which spawn, exec,
// execFile and fork call, even through a reference taken before registering);
// spawnSync, execSync and execFileSync go to an internal binding, so only
// their module functions can be reached. Each gets the drop-ins' handoff.
import childProcess from 'node:child_process';
import nodeModule from 'node:module';
import { startWithHandoff } from '../child_process/handoff.js';
import type { FdHandoff } from '../child_process/options.js';
import type { StdioDefaults } from '../child_process/stdio-slots.js';
import { withFdHandoff } from '../child_process/wrap.js';
import { runtime } from '../runtime/detect.js';

const MODULE_FUNCTIONS: Record<string, StdioDefaults> = {
  spawn: 'spawn',
  spawnSync: 'spawn',
  execFile: 'exec',
  execFileSync: 'spawn',
  exec: 'exec',
  execSync: 'spawn',
  fork: 'fork',
};
const CLOSE_ALL: FdHandoff = { closeFds: true, passFds: [], options: undefined };

type AnyFunction = (...args: any[]) => any;

export function installHooks(): void {
  const functions = childProcess as unknown as Record<string, AnyFunction>;
  for (const [name, defaults] of Object.entries(MODULE_FUNCTIONS)) functions[name] = withFdHandoff(functions[name]!, defaults);
  const prototype = childProcess.ChildProcess.prototype as unknown as { spawn?: AnyFunction };
  const spawnChild = prototype.spawn;
  // It sees no passFds, so where children keep only their stdio it has nothing to do.
  if (spawnChild !== undefined && !runtime.childKeepsOnlyStdio) {
    prototype.spawn = function spawn(this: unknown, ...args: unknown[]): unknown {
      return startWithHandoff(CLOSE_ALL, 'spawn', () => spawnChild.apply(this, args));
    };
  }
  // The named exports of the ESM node:child_process follow the module object only when told.
  (nodeModule as { syncBuiltinESMExports?: () => void }).syncBuiltinESMExports?.();
}
