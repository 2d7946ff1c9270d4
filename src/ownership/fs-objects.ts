// Fds held by objects that close them later on their own: a FileHandle from
// fs.promises.open (it closes its fd on close(), or when garbage-collected)
// and an fs stream with autoClose (on end, error or destroy). Closed under
// such an owner, the number is free for the next open, and the owner's next
// read, write or close lands on whatever took it: another file's data, the
// caller's log closed. So these are spared, and named.
//
// No structure lists them: the functions that make them are wrapped when the
// library loads, and each object made from then on is remembered (weakly,
// until it emits 'close') and asked for its fd at each look.
import { createRequire } from 'node:module';
import { runtime } from '../runtime/detect.js';
import type { FdOwner, OwnerName } from './owner.js';

interface Holder {
  readonly object: WeakRef<object>;
  readonly fdOf: (object: any) => unknown;
  readonly owner: OwnerName;
}

type Fn = (this: unknown, ...args: any[]) => any;

// Kept on the node:fs module object, which every copy of the library in a
// thread shares (ESM and CommonJS, a test runner's fresh module registry):
// one set of holders, and fs wrapped once.
const KEY = Symbol.for('close-range.fs-objects');
const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof import('node:fs') & { [KEY]?: Set<Holder> };

const fileHandleFd = (handle: { fd: number }): number => handle.fd; // -1 once closed
const streamFd = (stream: { fd: unknown; autoClose?: boolean }): unknown => (stream.autoClose === false ? undefined : stream.fd);

/** Wraps fs.promises.open and fs.createReadStream/createWriteStream (once per thread), so that the objects they make are known. */
export function watchFsObjects(): void {
  // Deno's FileHandle.fd is a resource id, and Deno's files are its own owner's (deno:resource).
  if (fs[KEY] !== undefined || runtime.name === 'deno') return;
  const holders = new Set<Holder>();
  fs[KEY] = holders;
  const remember = (object: object, fdOf: Holder['fdOf'], owner: OwnerName): void => {
    const holder = { object: new WeakRef(object), fdOf, owner };
    holders.add(holder);
    (object as Partial<import('node:events').EventEmitter>).once?.('close', () => holders.delete(holder));
  };
  wrap(fs.promises as unknown as Record<string, unknown>, 'open', (original) =>
    function open(...args) {
      return (original.apply(this, args) as Promise<object>).then((handle) => {
        remember(handle, fileHandleFd, 'node:filehandle');
        return handle;
      });
    });
  for (const name of ['createReadStream', 'createWriteStream']) {
    wrap(fs as unknown as Record<string, unknown>, name, (original) =>
      function createStream(...args) {
        const stream = original.apply(this, args) as object;
        remember(stream, streamFd, 'node:fs-stream');
        return stream;
      });
  }
  // ESM named imports (`import { open } from 'node:fs/promises'`) are bindings of their own.
  (require('node:module') as { syncBuiltinESMExports?: () => void }).syncBuiltinESMExports?.();
}

/** Replaces `owner[name]` by what `make` makes of it, keeping its name for stack traces. */
function wrap(owner: Record<string, unknown>, name: string, make: (original: Fn) => Fn): void {
  const original = owner[name];
  if (typeof original !== 'function') return;
  const wrapper = make(original as Fn);
  Object.defineProperty(wrapper, 'name', { value: original.name });
  owner[name] = wrapper;
}

export const fsObjectsOwner: FdOwner = {
  claim(look, claim) {
    const holders = fs[KEY];
    if (holders === undefined) return;
    for (const holder of holders) {
      const object = holder.object.deref();
      if (object === undefined) {
        holders.delete(holder);
        continue;
      }
      const fd = holder.fdOf(object);
      if (typeof fd === 'number' && fd >= 0 && look.isOpen(fd)) claim(fd, holder.owner);
    }
  },
};
