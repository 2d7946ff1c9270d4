// Wraps one node:child_process function: same arguments, same result, same
// util.promisify behaviour; only what the child inherits changes.
import { promisify } from 'node:util';
import { startWithHandoff } from './handoff.js';
import { fdHandoffFrom } from './options.js';
import type { StdioDefaults } from './stdio-slots.js';

type AnyFunction = (...args: any[]) => any;

export function withFdHandoff<F extends AnyFunction>(original: F, defaults: StdioDefaults): F {
  const wrapped = {
    [original.name](this: unknown, ...args: unknown[]): unknown {
      const handoff = fdHandoffFrom(args);
      return startWithHandoff(handoff, defaults, () => original.apply(this, args));
    },
  }[original.name] as F;
  // exec and execFile resolve to { stdout, stderr } through their own custom promisify.
  const custom = (original as { [promisify.custom]?: AnyFunction })[promisify.custom];
  if (custom !== undefined) {
    Object.defineProperty(wrapped, promisify.custom, { value: withFdHandoff(custom, defaults), enumerable: false });
  }
  return wrapped;
}
