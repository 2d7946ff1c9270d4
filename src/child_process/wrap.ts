// Wraps one node:child_process function: same arguments, same result, same
// util.promisify behaviour; only what the child inherits changes.
import { util } from '../node-util.js';
import { argsForBun } from '../runtime/bun-child-process.js';
import { runtime } from '../runtime/detect.js';
import { startWithHandoff } from './handoff.js';
import { fdHandoffFrom } from './options.js';
import type { StdioDefaults } from './stdio-slots.js';

const { promisify } = util;

type AnyFunction = (...args: any[]) => any;

export function withFdHandoff<F extends AnyFunction>(original: F, defaults: StdioDefaults): F {
  const wrapped = {
    [original.name](this: unknown, ...args: unknown[]): unknown {
      const handoff = fdHandoffFrom(args);
      // Bun's child keeps only what stdio names: passFds must be named there.
      const callArgs = runtime.childKeepsOnlyStdio ? argsForBun(original, args, handoff, defaults) : args;
      return startWithHandoff(handoff, defaults, () => original.apply(this, callArgs));
    },
  }[original.name] as F;
  // exec and execFile resolve to { stdout, stderr } through their own custom promisify.
  const custom = (original as { [promisify.custom]?: AnyFunction })[promisify.custom];
  // Bun's custom promisify is its own custom promisify: wrap it once.
  if (custom !== undefined && custom !== original) {
    Object.defineProperty(wrapped, promisify.custom, { value: withFdHandoff(custom, defaults), enumerable: false });
  }
  return wrapped;
}
