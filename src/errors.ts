// Errors shaped like Node's own: the `code` is the contract, the message may change.
import { util } from './node-util.js';

const { getSystemErrorMap, inspect } = util;

export interface SystemError extends Error {
  code: string;
  errno: number;
  syscall: string;
}

// Linux errnos that libuv's map (getSystemErrorMap) leaves out.
const MISSING_FROM_LIBUV = new Map<number, [string, string]>([[-8, ['ENOEXEC', 'exec format error']]]);

/** `EINVAL: invalid argument, close_range` with code, negative errno and syscall. */
export function systemError(negativeErrno: number, syscall: string, detail?: string): SystemError {
  const [code, description] = getSystemErrorMap().get(negativeErrno) ??
    MISSING_FROM_LIBUV.get(negativeErrno) ?? [`E${-negativeErrno}`, 'unknown error'];
  const error = new Error(`${code}: ${description}, ${syscall}${detail ? ` ${detail}` : ''}`) as SystemError;
  error.code = code;
  error.errno = negativeErrno;
  error.syscall = syscall;
  return error;
}

function withCode<E extends Error>(error: E, code: string): E & { code: string } {
  return Object.assign(error, { code });
}

function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return `Received ${value}`;
  if (typeof value === 'function') return `Received function ${value.name || '<anonymous>'}`;
  if (typeof value === 'object') return `Received an instance of ${value.constructor?.name ?? 'Object'}`;
  return `Received type ${typeof value} (${inspect(value)})`;
}

export function invalidArgType(name: string, expected: string, value: unknown): TypeError & { code: string } {
  return withCode(
    new TypeError(`The "${name}" argument must be ${expected}. ${describeReceived(value)}`),
    'ERR_INVALID_ARG_TYPE',
  );
}

export function outOfRange(name: string, range: string, value: unknown): RangeError & { code: string } {
  return withCode(
    new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${inspect(value)}`),
    'ERR_OUT_OF_RANGE',
  );
}

/** Node's ERR_INVALID_ARG_VALUE: the type is right, the value is not (`reason` says why). */
export function invalidArgValue(name: string, value: unknown, reason: string): TypeError & { code: string } {
  return withCode(
    new TypeError(`The argument '${name}' ${reason}. Received ${inspect(value)}`),
    'ERR_INVALID_ARG_VALUE',
  );
}

export function unsafeUnshare(): Error & { code: string } {
  return withCode(
    new Error(
      'unshare splits this thread\'s descriptor table from the runtime\'s worker threads ' +
        '(async fs would then fail with EBADF); pass beforeExec: true when the process is about to exec',
    ),
    'ERR_UNSAFE_UNSHARE',
  );
}

export function closeRangeIncomplete(message: string, cause?: unknown): Error & { code: string } {
  return withCode(new Error(message, cause === undefined ? undefined : { cause }), 'ERR_CLOSE_RANGE_INCOMPLETE');
}

export function fdLeak(
  leaked: readonly { fd: number; type: string; target: string; origin?: { call: string; at: string | undefined } }[],
): Error & { code: string } {
  const from = (origin: { call: string; at: string | undefined }): string =>
    ` (from ${origin.call}${origin.at === undefined ? '' : ` at ${origin.at}`})`;
  const lines = leaked.map(({ fd, type, target, origin }) => `  fd ${fd}: ${type} ${target}${origin ? from(origin) : ''}`);
  const count = leaked.length === 1 ? '1 file descriptor was' : `${leaked.length} file descriptors were`;
  return Object.assign(
    withCode(new Error(`${count} left open (close them, or keep them outside the checked code):\n${lines.join('\n')}`), 'ERR_FD_LEAK'),
    { leaked },
  );
}

/** An environment variable the library reads has a value it cannot use. */
export function invalidEnvValue(name: string, value: string, expected: string, remedy: string): Error & { code: string } {
  return withCode(
    new Error(`The environment variable ${name} must be ${expected}. Received ${inspect(value)}; ${remedy}.`),
    'ERR_INVALID_ENV_VALUE',
  );
}

export function fdLeakCheckUnreliable(): Error & { code: string } {
  return withCode(
    new Error(
      'The fd leak check runs in a worker thread, which shares its file descriptor table with the main thread ' +
        'and every other worker: what they open would be reported as leaks of the checked code. Run the tests in ' +
        'processes of their own (vitest --pool=forks, jest without workerThreads), or set CLOSE_RANGE_TRACE=1 ' +
        '(or call enableFdTracing() first) to check only the fds this thread opens through fs, net and child_process',
    ),
    'ERR_FD_LEAK_CHECK_UNRELIABLE',
  );
}
