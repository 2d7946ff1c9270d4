// Descriptors opened the way native code opens them (a C library, an addon),
// with or without close-on-exec: what the tests put next to the runtime's
// own to show the guard tells them apart. Loaded by the tests only.
import { loadKoffi, runningProcess } from './koffi.js';

export const EFD_CLOEXEC = 0o2000000;

let bindings: { pipe2: (fds: Int32Array, flags: number) => number; eventfd: (value: number, flags: number) => number } | undefined;

function bind() {
  const lib = runningProcess();
  return { pipe2: lib.func('int pipe2(_Out_ int *, int)'), eventfd: lib.func('int eventfd(uint, int)') };
}

/** pipe2(2): [read end, write end]; throws on failure (a test's setup). */
export function nativePipe(flags: number): [number, number] {
  const fds = new Int32Array(2);
  if ((bindings ??= bind()).pipe2(fds, flags) < 0) throw new Error(`pipe2 failed: errno ${loadKoffi().errno()}`);
  return [fds[0]!, fds[1]!];
}

/** eventfd(2); throws on failure (a test's setup). */
export function nativeEventfd(flags: number): number {
  const fd = (bindings ??= bind()).eventfd(0, flags);
  if (fd < 0) throw new Error(`eventfd failed: errno ${loadKoffi().errno()}`);
  return fd;
}
