// Bun's spawn starts every child with fds 0-2 and what stdio names, nothing
// else: close-range/child_process hands passFds over as stdio entries there,
// and refuses them where Bun offers no stdio to carry them.
import { exec, execFile } from 'node:child_process';
import { util } from '../node-util.js';
import type { FdHandoff } from '../child_process/options.js';
import { stdioEntries, type StdioDefaults } from '../child_process/stdio-slots.js';
import { runtimeUnsupported } from './unsupported.js';

const { promisify } = util;

type AnyFunction = (...args: any[]) => any;
const promisified = (fn: AnyFunction): AnyFunction | undefined => (fn as { [promisify.custom]?: AnyFunction })[promisify.custom];
// exec and execFile choose their child's stdio themselves and ignore options.stdio.
const TAKE_NO_STDIO = new Set<unknown>([exec, execFile, promisified(exec), promisified(execFile)]);

/**
 * The arguments to hand Bun's node:child_process function `original` for a
 * call with `handoff`: passFds moved into a copy of the options' stdio, each
 * at its own number (slots in between stay 'ignore', empty in the child).
 * Where stdio cannot carry them (exec, execFile, fork), passFds are refused.
 */
export function argsForBun(original: unknown, args: unknown[], handoff: FdHandoff, defaults: StdioDefaults): unknown[] {
  if (handoff.passFds.length === 0) return args;
  if (TAKE_NO_STDIO.has(original)) {
    throw runtimeUnsupported(
      'exec() and execFile() with passFds',
      'Bun',
      'Bun starts every child with fds 0-2 and what stdio names only, and these two take no stdio option',
      'use spawn(), spawnSync() or execFileSync() to pass descriptors',
    );
  }
  if (defaults === 'fork') {
    throw runtimeUnsupported(
      'fork() with passFds',
      'Bun',
      'Bun starts a forked child with fds 0-2 and its IPC channel only, whatever stdio says',
      'start the child with spawn() and pass the descriptors there',
    );
  }
  const entries = [...stdioEntries(handoff.options?.stdio, defaults)];
  for (const fd of handoff.passFds) {
    while (entries.length <= fd) entries.push('ignore');
    if (fd >= 3 && (entries[fd] === 'ignore' || entries[fd] === null || entries[fd] === undefined)) entries[fd] = fd;
  }
  return args.map((arg) => (arg === handoff.options ? { ...handoff.options, stdio: entries } : arg));
}
