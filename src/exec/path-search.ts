// execvp(3)'s search, over the new environment's PATH (as node's spawn
// does), with its error rules: a directory that does not have the file is
// skipped; EACCES is remembered and reported only if nothing else ran; any
// other error stops the search at once.
import { EACCES, ENODEV, ENOENT, ENOTDIR, ESTALE, ETIMEDOUT, libc } from '../native/libc.js';

// libuv's default when the environment has no PATH.
const DEFAULT_SEARCH_PATH = '/usr/bin:/bin';
const NOT_HERE = new Set([ENOENT, ENOTDIR, ENODEV, ESTALE, ETIMEDOUT]);

export interface ExecFailure {
  readonly errno: number;
  /** The path execve(2) last failed on. */
  readonly path: string;
}

/** Returns only when no candidate could be executed. */
export function execFromSearchPath(
  file: string, searchPath: string | undefined, argv: Array<string | null>, envp: Array<string | null>,
): ExecFailure {
  const { execve } = libc();
  if (file.includes('/')) return { errno: execve(file, argv, envp), path: file };
  if (file === '') return { errno: ENOENT, path: file };
  let lastErrno = ENOENT;
  let denied: ExecFailure | undefined;
  for (const directory of (searchPath ?? DEFAULT_SEARCH_PATH).split(':')) {
    const path = directory === '' ? file : `${directory.replace(/\/+$/, '')}/${file}`;
    const errno = execve(path, argv, envp);
    if (errno === EACCES) denied ??= { errno, path };
    else if (!NOT_HERE.has(errno)) return { errno, path };
    lastErrno = errno;
  }
  return denied ?? { errno: lastErrno, path: file };
}
