import { FD_MAX } from '../constants.js';
import { invalidArgType, outOfRange } from '../errors.js';
import { validateBoolean, validateOptionalFd, validateOptions } from '../validate.js';

/** pid_t and fd numbers the kernel hands out both stay below 2^31. */
export const INT_MAX = 0x7fffffff;
/** The highest pid listFds and describeFds take (and the CLI's --pid): pid_t is an int. */
export const PID_MAX = INT_MAX;

export interface FdQuery {
  from: number;
  to: number;
  /** undefined: this process. */
  pid: number | undefined;
  sockets: boolean;
}

export const LIST_OPTIONS = ['from', 'to', 'pid'] as const;
export const DESCRIBE_OPTIONS = [...LIST_OPTIONS, 'sockets'] as const;

/** Normalizes `{ from, to, pid, sockets }` once, into a fresh object; `known` are the keys the caller takes. */
export function normalizeFdQuery(options: unknown, known: readonly string[]): FdQuery {
  const { from, to, pid, sockets } = validateOptions(options, 'options', known);
  const query: FdQuery = {
    from: validateOptionalFd(from, 'options.from', 0),
    to: validateOptionalFd(to, 'options.to', FD_MAX),
    pid: validatePid(pid),
    sockets: validateBoolean(sockets, 'options.sockets'),
  };
  if (query.from > query.to) throw outOfRange('options.to', `>= options.from (${query.from})`, query.to);
  // Our own pid is this process: the listing must leave out its own directory fd.
  if (query.pid === process.pid) query.pid = undefined;
  return query;
}

function validatePid(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw invalidArgType('options.pid', 'of type number', value);
  if (!Number.isInteger(value) || value < 1 || value > PID_MAX) {
    throw outOfRange('options.pid', `a positive integer <= ${PID_MAX}`, value);
  }
  return value;
}
