// What works here, and why: each answer comes from asking the kernel on a
// descriptor that cannot be open (FD_MAX), so probing changes nothing.
import { release } from 'node:os';
import { CLOSE_RANGE_CLOEXEC, FD_MAX } from './constants.js';
import { systemError } from './errors.js';
import { tryOpenProcDirectory } from './fds/directory.js';
import { rememberRefusal } from './mechanisms/close-range-support.js';
import { FORCE_VARIABLE, forcedMechanism, mechanismFor } from './mechanisms/chain.js';
import type { MechanismName } from './mechanisms/mechanism.js';
import { libc } from './native/libc.js';
import type { OwnershipSource } from './ownership/runtime-owners.js';
import { ownershipSource } from './runtime/guard.js';

export interface ProbeResult {
  /** The mechanism closeRange and closeFrom use here. */
  mechanism: MechanismName;
  /** The mechanism cloexecFrom (or `cloexec: true`) uses here. */
  cloexecMechanism: MechanismName;
  /** close_range(2) answers (Linux >= 5.9, not refused by seccomp). */
  closeRange: boolean;
  /** CLOSE_RANGE_CLOEXEC is understood (Linux >= 5.11). */
  cloexec: boolean;
  /** The unshare option works: through close_range, or unshare(2) is allowed. */
  unshare: boolean;
  /** /proc/thread-self/fd is a real procfs directory. */
  procfs: boolean;
  /** What close_range(~0U, ~0U, 0) answered, when it failed ('ENOSYS', 'EPERM'...). */
  closeRangeError: string | null;
  /** What close_range(~0U, ~0U, CLOSE_RANGE_CLOEXEC) answered, when it failed. */
  cloexecError: string | null;
  /** Set when CLOSE_RANGE_MECHANISM starts the chain further down. */
  forced: MechanismName | null;
  /**
   * How the runtime guard knows which fds the runtime holds: 'libuv' asks
   * Node's loop and handles; 'by-type' goes by an fd's kind (a worker thread,
   * a libuv loop layout this version does not know, no procfs); 'bun' and
   * 'deno' are those runtimes' rules.
   */
  ownership: OwnershipSource;
  /** The kernel release (os.release()). */
  kernel: string;
  /** One sentence: which mechanism, and why. */
  reason: string;
}

export function probe(): ProbeResult {
  const plain = askCloseRange(0);
  const withCloexec = askCloseRange(CLOSE_RANGE_CLOEXEC);
  const directory = tryOpenProcDirectory(undefined, 'fd');
  if ('fd' in directory) libc().close(directory.fd);
  const chosen = mechanismFor(0);
  const cloexecChosen = mechanismFor(CLOSE_RANGE_CLOEXEC);
  const forced = forcedMechanism() ?? null;
  const kernel = release();
  const facts = [
    plain === null ? 'close_range(2) works' : `close_range(2) answers ${plain}`,
    plain === null && withCloexec !== null ? `CLOSE_RANGE_CLOEXEC answers ${withCloexec}` : undefined,
    chosen.name === 'close_range' && plain !== null ? `${plain} is no refusal to fall back on: calls throw it` : undefined,
    'fd' in directory ? '/proc is procfs' : directory.why,
    forced ? `${FORCE_VARIABLE}=${forced}` : undefined,
  ].filter(Boolean);
  return {
    mechanism: chosen.name,
    cloexecMechanism: cloexecChosen.name,
    closeRange: plain === null,
    cloexec: withCloexec === null,
    unshare: plain === null || libc().unshare(0) === 0,
    procfs: 'fd' in directory,
    closeRangeError: plain,
    cloexecError: withCloexec,
    forced,
    ownership: ownershipSource(),
    kernel,
    reason: `${chosen.name} (${chosen.why}): ${facts.join('; ')} (Linux ${kernel}).`,
  };
}

/** null when close_range(FD_MAX, FD_MAX, flags) succeeds, else the error code. */
function askCloseRange(flags: number): string | null {
  const result = libc().closeRange(FD_MAX, FD_MAX, flags);
  if (result === 0) return null;
  rememberRefusal(result, flags);
  return systemError(result, 'close_range').code;
}
