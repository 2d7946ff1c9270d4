// libuv through koffi: the node binary exports libuv's API, and the running
// process (dlopen(NULL)) has it. Only Node's main thread may use this: the
// default loop belongs to that thread, and walking it from another races.
import { loadKoffi, runningProcess } from './koffi.js';

/** uv_handle_type values (uv.h), stable across libuv 1.x. */
export const UV_NAMED_PIPE = 7;
export const UV_POLL = 8;
export const UV_SIGNAL = 16;
export const UV_TCP = 12;
export const UV_TTY = 14;
export const UV_UDP = 15;

export interface Libuv {
  /** uv_version(): major << 16 | minor << 8 | patch. */
  readonly version: number;
  /** sizeof(uv_loop_t) in this build. */
  readonly loopSize: number;
  /** sizeof of a handle type (uv_handle_size). */
  handleSize(type: number): number;
  /** The default loop's memory, live (reads see the current values). */
  readonly defaultLoop: DataView;
  /** The default loop's address. */
  readonly defaultLoopAddress: bigint;
  /** The default loop's active_reqs.count: requests started and not yet called back (libuv drops one before its callback runs). */
  activeRequests(): number;
  /** uv_backend_fd(uv_default_loop()): the loop's epoll fd. */
  backendFd(): number;
  /** The `count` pointers of the array whose address is stored at `offset` in the default loop. */
  pointerArrayAt(offset: number, count: number): bigint[];
  /** `length` bytes of the memory whose address is stored at `offset` in the default loop; null for a null pointer. */
  memoryPointedAt(offset: number, length: number): DataView | null;
  /** Calls `visit` with the type and fd of every handle of the default loop that has one (uv_walk + uv_fileno). */
  walkHandles(visit: (type: number, fd: number) => void): void;
}

// uv_loop_t's public fields on 64-bit: data, active_handles, handle_queue, then active_reqs.
const ACTIVE_REQUESTS = process.arch === 'arm' || process.arch === 'ia32' ? 16 : 32;

let bindings: Libuv | null | undefined;

/** libuv's API of the running node binary; null where there is none (Bun, Deno, a node without its exports). */
export function libuv(): Libuv | null {
  if (bindings === undefined) bindings = bind();
  return bindings;
}

function bind(): Libuv | null {
  const koffi = loadKoffi();
  const lib = runningProcess();
  let uvDefaultLoop;
  try {
    uvDefaultLoop = lib.func('void *uv_default_loop()');
  } catch {
    return null; // not exported here
  }
  const uvBackendFd = lib.func('int uv_backend_fd(void *)');
  const uvHandleSize = lib.func('size_t uv_handle_size(int)');
  const uvFileno = lib.func('int uv_fileno(void *, _Out_ int *)');
  const uvHandleGetType = lib.func('int uv_handle_get_type(void *)');
  // Unnamed: a second copy of the library (a test runner's module registry) would clash with a named type.
  const walkCallback = koffi.pointer(koffi.proto('void (void *, void *)'));
  const uvWalk = lib.func('uv_walk', 'void', ['void *', walkCallback, 'void *']);
  const loop = uvDefaultLoop();
  const loopSize = Number(lib.func('size_t uv_loop_size()')());
  const loopMemory = new DataView(koffi.view(loop, loopSize));
  const fd = [0];
  let visitor: ((type: number, fd: number) => void) | undefined;
  // Registered once and kept: a koffi callback costs a trampoline slot.
  const onHandle = koffi.register((handle: unknown) => {
    if (uvFileno(handle, fd) === 0) visitor!(uvHandleGetType(handle) as number, fd[0]!);
  }, walkCallback);
  return {
    version: lib.func('uint uv_version()')() as number,
    loopSize,
    handleSize: (type) => Number(uvHandleSize(type)),
    defaultLoop: loopMemory,
    defaultLoopAddress: BigInt(koffi.address(loop)),
    backendFd: () => uvBackendFd(loop) as number,
    activeRequests: () => loopMemory.getUint32(ACTIVE_REQUESTS, true),
    pointerArrayAt(offset, count) {
      if (count === 0) return [];
      const array = koffi.decode(loop, offset, 'void *');
      if (array === null) return [];
      return (koffi.decode(array, koffi.array('uintptr_t', count)) as Array<number | bigint>).map(BigInt);
    },
    memoryPointedAt(offset, length) {
      const pointer = koffi.decode(loop, offset, 'void *');
      return pointer === null ? null : new DataView(koffi.view(pointer, length));
    },
    walkHandles(visit) {
      visitor = visit;
      try {
        uvWalk(loop, onHandle, null);
      } finally {
        visitor = undefined;
      }
    },
  };
}
