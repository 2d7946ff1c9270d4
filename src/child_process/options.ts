// Reads closeFds and passFds from a call's arguments, finding the options
// object where node:child_process does, without copying or changing it: node
// ignores options it does not know, so the call goes through untouched.
import { invalidArgType } from '../errors.js';
import { validateFdList } from '../validate.js';

export interface FdHandoff {
  /** Mark every fd >= 3 close-on-exec before the child starts. */
  readonly closeFds: boolean;
  /** Inherited under the same numbers, in the order given (duplicates removed). */
  readonly passFds: readonly number[];
  /** The options object as passed, or undefined. */
  readonly options: Record<string, unknown> | undefined;
}

export interface FdOptions {
  /** Start the child with only 0-2, the stdio extras and passFds (default true). */
  closeFds?: boolean;
  /** Descriptors the child inherits under the same numbers. */
  passFds?: readonly number[];
}

/**
 * Every function takes the options object as its first non-array object
 * after the command, before any callback: spawn(cmd, [args], options),
 * exec(cmd, options, cb), execFile(file, [args], options, cb), fork(path, [args], options).
 */
export function findOptions(args: readonly unknown[]): Record<string, unknown> | undefined {
  for (let index = 1; index < Math.min(args.length, 3); index++) {
    const candidate = args[index];
    if (typeof candidate === 'function') return undefined;
    if (candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate)) {
      return candidate as Record<string, unknown>;
    }
  }
  return undefined;
}

export function fdHandoffFrom(args: readonly unknown[]): FdHandoff {
  const options = findOptions(args);
  if (options === undefined) return { closeFds: true, passFds: [], options };
  const { closeFds, passFds } = options as FdOptions;
  if (closeFds !== undefined && typeof closeFds !== 'boolean') {
    throw invalidArgType('options.closeFds', 'of type boolean', closeFds);
  }
  if (passFds !== undefined && !Array.isArray(passFds)) {
    throw invalidArgType('options.passFds', 'an array of descriptor numbers', passFds);
  }
  return { closeFds: closeFds ?? true, passFds: [...new Set(validateFdList(passFds, 'options.passFds'))], options };
}
