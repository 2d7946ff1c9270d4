// close-range/register: `node --import close-range/register app.js` (or
// --require, or in NODE_OPTIONS). From then on no child started through
// node:child_process, by the app or by any library, inherits an fd that its
// stdio (or close-range's passFds) does not name: every fd >= 3 is marked
// close-on-exec right before each start, so fds opened later, by native code
// without O_CLOEXEC too, reach no child. The conventions' fds stay inheritable.
//
// Nothing here loads the FFI (~12 ms): the fds inherited at start-up are
// marked at the first child start, or once the event loop first turns when
// one of them would reach a child.
import { markAllButKept } from '../child_process/handoff.js';
import { withSpawnLock } from '../child_process/spawn-lock.js';
import { keepInheritable } from '../child_process/start-state.js';
import { runtime } from '../runtime/detect.js';
import { isMainThread } from '../runtime/main-thread.js';
import { keptByConventions } from './conventions.js';
import { installHooks } from './hooks.js';
import { makeInheritable } from './inheritable.js';
import { holdsInheritableFds } from './stray-fds.js';

const KEY = Symbol.for('close-range.registered');
const globals = globalThis as { [KEY]?: true };

// Once per thread, whichever copy (ESM, CommonJS) comes first. Bun's children
// already start with only what stdio names: there the hooks only hand over
// passFds, and no convention can reach a child.
if (globals[KEY] === undefined) {
  globals[KEY] = true;
  if (!runtime.childKeepsOnlyStdio) {
    const kept = keptByConventions(process.env);
    const keptFds = kept.map(({ fd }) => fd);
    keepInheritable(keptFds, () => makeInheritable(kept));
    // Asked on the first turn: node:worker_threads would be ~2 ms more of every start-up.
    setImmediate(() => isMainThread() && holdsInheritableFds(keptFds) && withSpawnLock('shared', markAllButKept)).unref();
  }
  installHooks();
}
