// close-range/register: `node --import close-range/register app.js` (or
// --require, or in NODE_OPTIONS). From then on no child started through
// node:child_process, by the app or by any library, inherits an fd that its
// stdio (or close-range's passFds) does not name: every fd >= 3 is marked
// close-on-exec right before each start, so fds opened later, by native code
// without O_CLOEXEC too, reach no child. The conventions' fds stay inheritable.
//
// Start-up reads the conventions and puts stand-ins in node:child_process
// (when it loads): the handoff, the FFI (~12 ms) and the rest of the library
// load at the first child start, or once the event loop first turns when an
// inherited fd would reach a child.
import { createRequire } from 'node:module';
import { keepInheritable } from '../child_process/start-state.js';
import { isMainThread } from '../runtime/main-thread.js';
import { whenChildProcessLoads } from './child-process-load.js';
import { keptByConventions } from './conventions.js';
import type * as Deferred from './deferred.js';
import { installHooks } from './hooks.js';
import { holdsInheritableFds } from './stray-fds.js';

const KEY = Symbol.for('close-range.registered');
const globals = globalThis as { [KEY]?: true };

// The CommonJS build from either build of this entry: it loads synchronously,
// on every Node from 20.0, from inside a child start.
let deferredModule: typeof Deferred | undefined;
const deferred = (): typeof Deferred => (deferredModule ??= createRequire(import.meta.url)('./deferred.cjs') as typeof Deferred);

// Once per thread, whichever copy (ESM, CommonJS) comes first. Bun's children
// already start with only what stdio names: there the hooks only hand over
// passFds, and no convention can reach a child.
if (globals[KEY] === undefined) {
  globals[KEY] = true;
  if (process.versions.bun === undefined) {
    const kept = keptByConventions(process.env);
    const keptFds = kept.map(({ fd }) => fd);
    keepInheritable(keptFds, () => deferred().makeInheritable(kept));
    // Asked on the first turn, and only when something would be marked:
    // node:worker_threads (which thread this is) costs ~2 ms of start-up.
    setImmediate(() => holdsInheritableFds(keptFds) && isMainThread() && deferred().markInheritedFds()).unref();
  }
  whenChildProcessLoads((childProcess) => installHooks(childProcess as never, deferred));
}
