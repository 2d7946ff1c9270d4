// env(1)'s exit statuses, so that scripts can tell close-range's own failures
// from COMMAND's: 125 close-range failed, 126 COMMAND cannot run, 127 not found.
export const EXIT_OK = 0;
export const EXIT_FDS_INHERITED = 1;
export const EXIT_FAILED = 125;
export const EXIT_CANNOT_INVOKE = 126;
export const EXIT_NOT_FOUND = 127;

/** A mistake on the command line: a one-line reason, exit status 125. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
