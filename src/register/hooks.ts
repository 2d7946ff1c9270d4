// Every way node:child_process starts a child goes through a function of its
// module object or through ChildProcess.prototype.spawn (which spawn, exec,
// execFile and fork call, even through a reference taken before registering);
// spawnSync, execSync and execFileSync go to an internal binding, so only
// their module functions can be reached. Each is replaced by a stand-in that,
// on its first call, loads the drop-ins' handoff and hands over to it.
import type { StdioDefaults } from '../child_process/stdio-slots.js';
import type * as Deferred from './deferred.js';

const MODULE_FUNCTIONS: Record<string, StdioDefaults> = {
  spawn: 'spawn',
  spawnSync: 'spawn',
  execFile: 'exec',
  execFileSync: 'spawn',
  exec: 'exec',
  execSync: 'spawn',
  fork: 'fork',
};
// util.promisify.custom, without loading node:util.
const PROMISIFY_CUSTOM = Symbol.for('nodejs.util.promisify.custom');

type AnyFunction = (...args: any[]) => any;
type ChildProcessModule = Record<string, AnyFunction> & { ChildProcess: { prototype: { spawn?: AnyFunction } } };

export function installHooks(childProcess: ChildProcessModule, deferred: () => typeof Deferred): void {
  for (const [name, defaults] of Object.entries(MODULE_FUNCTIONS)) {
    const original = childProcess[name]!;
    childProcess[name] = standIn(original, () => deferred().withFdHandoff(original, defaults));
  }
  const prototype = childProcess.ChildProcess.prototype;
  const spawnChild = prototype.spawn;
  if (spawnChild !== undefined) prototype.spawn = standIn(spawnChild, () => deferred().prototypeSpawnWithHandoff(spawnChild) ?? spawnChild);
}

/** Same name and promisify behaviour as `original`; what it stands in for is made on the first call. */
function standIn(original: AnyFunction, hook: () => AnyFunction): AnyFunction {
  let hooked: AnyFunction | undefined;
  const hookedOnce = (): AnyFunction => (hooked ??= hook());
  const wrapped = named(original.name, function (this: unknown, ...args: unknown[]): unknown {
    return hookedOnce().apply(this, args);
  });
  // exec and execFile resolve to { stdout, stderr } through their own custom
  // promisify; Bun's custom promisify is the function itself.
  const custom = customPromisify(original);
  if (custom !== undefined) {
    const value =
      custom === original
        ? wrapped
        : named(custom.name, function (this: unknown, ...args: unknown[]): unknown {
            return customPromisify(hookedOnce())!.apply(this, args);
          });
    Object.defineProperty(wrapped, PROMISIFY_CUSTOM, { value, enumerable: false });
  }
  return wrapped;
}

const customPromisify = (fn: AnyFunction): AnyFunction | undefined =>
  (fn as unknown as Record<symbol, AnyFunction | undefined>)[PROMISIFY_CUSTOM];

function named(name: string, fn: AnyFunction): AnyFunction {
  return Object.defineProperty(fn, 'name', { value: name });
}
