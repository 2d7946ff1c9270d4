// execve's arguments, validated and normalized once into a fresh object.
import { invalidArgType, invalidArgValue } from '../errors.js';
import { validateBoolean, validateFdList, validateObject, validateOptions } from '../validate.js';

export interface ExecveOptions {
  /** The new program's environment (default process.env); its PATH is searched. */
  env?: Record<string, string | undefined>;
  /** Descriptors >= 3 the new program keeps, under the same numbers. */
  keep?: readonly number[];
  /** Close (mark close-on-exec) every other fd >= 3 (default true). */
  closeFds?: boolean;
  /** Mark them in a private descriptor table (CLOSE_RANGE_UNSHARE): other threads cannot add fds meanwhile. */
  unshare?: boolean;
}

export interface ExecveRequest {
  readonly file: string;
  /** argv and envp, each ending with null as execve(2) wants them. */
  readonly argv: Array<string | null>;
  readonly envp: Array<string | null>;
  /** PATH of the new environment, as libuv's spawn searches it. */
  readonly searchPath: string | undefined;
  readonly keep: readonly number[];
  readonly closeFds: boolean;
  readonly unshare: boolean;
}

const EXECVE_OPTIONS: readonly (keyof ExecveOptions)[] = ['env', 'keep', 'closeFds', 'unshare'];

export function toExecveRequest(file: unknown, args: unknown, options: unknown): ExecveRequest {
  const path = validateCString(file, 'file');
  const argv = args === undefined ? [path] : validateArgv(args);
  const normalized = validateOptions(options, 'options', EXECVE_OPTIONS) as ExecveOptions;
  const env = normalized.env === undefined ? process.env : validateObject(normalized.env, 'options.env');
  const { entries, searchPath } = environmentEntries(env);
  return {
    file: path,
    argv: [...argv, null],
    envp: [...entries, null],
    searchPath,
    keep: [...new Set(validateFdList(normalized.keep, 'options.keep'))],
    closeFds: normalized.closeFds === undefined ? true : validateBoolean(normalized.closeFds, 'options.closeFds'),
    unshare: validateBoolean(normalized.unshare, 'options.unshare'),
  };
}

function validateArgv(args: unknown): string[] {
  if (!Array.isArray(args)) throw invalidArgType('args', 'an instance of Array', args);
  if (args.length === 0) throw invalidArgValue('args', args, 'must contain at least argv[0]');
  return args.map((arg, index) => validateCString(arg, `args[${index}]`));
}

function validateCString(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  if (value.includes('\0')) throw invalidArgValue(name, value, 'must be a string without null bytes');
  return value;
}

/** KEY=value strings like node's spawn builds them: every enumerable key, undefined values left out. */
function environmentEntries(env: Record<string, unknown>): { entries: string[]; searchPath: string | undefined } {
  const entries: string[] = [];
  let searchPath: string | undefined;
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    const text = validateCString(String(value), `options.env.${key}`);
    if (key === 'PATH') searchPath = text;
    entries.push(`${validateCString(key, 'options.env')}=${text}`);
  }
  return { entries, searchPath };
}
