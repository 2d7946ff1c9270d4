// Which JavaScript runtime loaded the library, and what the runtime guard
// must know about it. Bun and Deno both run Node's API surface, but neither
// exposes the handle list the guard fingerprints on Node.
import { bunProfile } from './bun.js';
import { denoProfile } from './deno.js';

// The global, not node:process: importing that module creates the stdio streams.
const { versions } = process;

export type RuntimeName = 'node' | 'bun' | 'deno';

export interface RuntimeProfile {
  readonly name: RuntimeName;
  /** As people write it, for messages. */
  readonly displayName: string;
  /**
   * Whether the guard may cache its answer until the runtime's handle list
   * or workers change. False: the runtime gives no such signal, so the guard
   * looks at /proc/self/fd on every call.
   */
  readonly fingerprintable: boolean;
  /** Whether every close-on-exec fd is the runtime's, whatever it points to. */
  readonly ownsEveryCloexecFd: boolean;
  /** Why closing the runtime's own fds breaks it even right before an exec; undefined where it does not. */
  readonly ownFdsMustStayOpen: string | undefined;
  /** Whether the runtime's spawn closes every fd >= 3 in the child that stdio does not name. */
  readonly childKeepsOnlyStdio: boolean;
  /** The error to throw instead of `error` when it is the runtime refusing a permission. */
  permissionError(error: unknown): Error | undefined;
  /** Throws that error when the runtime would refuse this program a read of `directory` (the FFI does not ask it). */
  assertMayRead(directory: string): void;
}

const nodeProfile: RuntimeProfile = {
  name: 'node',
  displayName: 'Node.js',
  fingerprintable: true,
  ownsEveryCloexecFd: false,
  ownFdsMustStayOpen: undefined,
  childKeepsOnlyStdio: false,
  permissionError: () => undefined,
  assertMayRead: () => {},
};

export const runtime: RuntimeProfile =
  versions.bun !== undefined ? bunProfile : versions.deno !== undefined ? denoProfile : nodeProfile;
