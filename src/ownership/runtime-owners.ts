// Which owners answer in the running runtime, and how exactly.
import { libuv } from '../native/libuv.js';
import { runtime } from '../runtime/detect.js';
import { isMainThread } from '../runtime/main-thread.js';
import { bunOwner } from './bun.js';
import { byTypeOwner } from './by-type.js';
import { denoOwner } from './deno.js';
import { fsObjectsOwner } from './fs-objects.js';
import { defaultLoopFds, nodeLoopOwner } from './node-loop.js';
import { nodeHandlesOwner } from './node-handles.js';
import { NODE_OWNERS } from './node-owners.js';
import { nodeStartupOwner } from './node-startup.js';
import type { FdOwner } from './owner.js';
import type { FreshLook } from './table-look.js';
import { threadsOwner } from './threads.js';
import { v8FilesOwner } from './v8-files.js';

/**
 * How ownership is known: 'libuv' asks Node's loop and handles; 'by-type'
 * goes by an fd's kind where they cannot be asked; 'bun' and 'deno' are
 * those runtimes' own rules.
 */
export type OwnershipSource = 'libuv' | 'by-type' | 'bun' | 'deno';

export interface RuntimeOwners {
  readonly source: OwnershipSource;
  readonly owners: readonly FdOwner[];
}

// Node makes its start-up fds before the default loop; with --prof, after
// it, but before V8 opens its log: below whichever of the two comes later.
const startup = nodeStartupOwner((look) => {
  let bound = libuv()!.backendFd();
  v8FilesOwner.claim(look, (fd) => (bound = Math.max(bound, fd)));
  return bound;
});
const EXACT: RuntimeOwners = { source: 'libuv', owners: [nodeLoopOwner, nodeHandlesOwner, fsObjectsOwner, startup, ...NODE_OWNERS, threadsOwner] };
const BY_TYPE: RuntimeOwners = { source: 'by-type', owners: [fsObjectsOwner, byTypeOwner, ...NODE_OWNERS, threadsOwner] };

const BUN: RuntimeOwners = { source: 'bun', owners: [fsObjectsOwner, bunOwner] };
const DENO: RuntimeOwners = { source: 'deno', owners: [denoOwner] };

/** The owners to ask about `look`, a look at this thread's table. */
export function runtimeOwners(look: FreshLook): RuntimeOwners {
  if (runtime.name === 'bun') return BUN;
  if (runtime.name === 'deno') return DENO;
  if (!look.procfs || !isMainThread() || defaultLoopFds(look) === undefined) return BY_TYPE;
  return EXACT;
}
