// Deno: which fds it holds is src/ownership/deno.ts's to tell. Closing one
// breaks Deno: a resource then reads or closes whatever file reuses the
// number, and node:fs, which keeps a table of the fds it opened, hands out
// dead numbers after one is closed behind its back. Deno opens everything
// with O_CLOEXEC and maps no resource to an fd in any public API, so a
// close-on-exec file may be any of its resources (ownsEveryCloexecFd).
import { readdirSync } from 'node:fs';
import type { RuntimeProfile } from './detect.js';

// Why close-range needs each permission Deno may refuse.
const WHY: Record<string, string> = {
  '--allow-ffi': 'it calls close_range(2) through koffi, a native addon',
  '--allow-read': 'it loads koffi from node_modules and reads /proc/self/fd',
  '--allow-all': 'Deno lets a program read /proc/self/fd only with --allow-all',
};

export const denoProfile: RuntimeProfile = {
  name: 'deno',
  displayName: 'Deno',
  fingerprintable: false,
  ownsEveryCloexecFd: true,
  // Its signal thread (signal-hook) panics on EBADF from its self-pipe, which
  // aborts the process, often before the caller gets to exec.
  ownFdsMustStayOpen: "Deno's signal thread aborts the process when the fds under it are closed",
  childKeepsOnlyStdio: false,
  permissionError,
  assertMayRead,
};

// Through Deno's own node:fs, which checks its permissions: an extra
// directory read on every look, which Deno makes on every call anyway.
function assertMayRead(directory: string): void {
  try {
    readdirSync(directory);
  } catch (error) {
    const refusal = permissionError(error);
    if (refusal) throw refusal; // anything else is for the listing to meet
  }
}

function permissionError(error: unknown): Error | undefined {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if ((name !== 'NotCapable' && name !== 'PermissionDenied') || typeof message !== 'string') return undefined;
  const flag = /--allow-[a-z]+/.exec(message)?.[0] ?? '--allow-all';
  return Object.assign(
    new Error(
      `close-range needs Deno's ${flag} permission: ${WHY[flag] ?? message}. Run with \`deno run -A\` ` +
        '(--allow-ffi alone already lets native code past Deno\'s sandbox).',
      { cause: error },
    ),
    { code: 'ERR_DENO_PERMISSION' },
  );
}
