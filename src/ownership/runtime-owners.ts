// The owners the guard asks, for the runtime that loaded the library.
import { runtime } from '../runtime/detect.js';
import { bunOwner } from './bun.js';
import { denoOwner } from './deno.js';
import { NODE_OWNERS } from './node-owners.js';
import type { FdOwner } from './owner.js';

const BUN_OWNERS: readonly FdOwner[] = [bunOwner];
const DENO_OWNERS: readonly FdOwner[] = [denoOwner];

export function runtimeOwners(): readonly FdOwner[] {
  if (runtime.name === 'bun') return BUN_OWNERS;
  if (runtime.name === 'deno') return DENO_OWNERS;
  return NODE_OWNERS;
}
