// The native boundary: only the modules in this directory use koffi, and
// only through this loader, so the ~12 ms it costs is paid on first use.
import { createRequire } from 'node:module';
import { runtime } from '../runtime/detect.js';

const { arch } = process;

export type Koffi = typeof import('koffi');
type Library = ReturnType<Koffi['load']>;

let koffi: Koffi | undefined;
let processLibrary: Library | undefined;

export function loadKoffi(): Koffi {
  return (koffi ??= requireKoffi());
}

/**
 * dlopen(NULL): the running process. Whichever libc the runtime was linked
 * against (glibc or musl) is already there, with no file name to guess, and
 * so are the symbols the node binary exports (libuv's API).
 */
export function runningProcess(): Library {
  return (processLibrary ??= loadKoffi().load(null));
}

function requireKoffi(): Koffi {
  const require = createRequire(import.meta.url);
  try {
    return require('koffi') as Koffi;
  } catch (error) {
    throw runtime.permissionError(error) ?? new Error(
      'close-range needs the koffi package and its prebuilt binary for ' +
        `linux-${arch}. Reinstall without --omit=optional (koffi ships its ` +
        'binaries as optional dependencies).',
      { cause: error },
    );
  }
}
