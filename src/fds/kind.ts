// What /proc/self/fd/N links to says what kind of object the fd is, without
// opening anything: `pipe:[123]`, `socket:[45]`, `anon_inode:[eventfd]`, or a path.
export type FdType =
  | 'file' | 'directory' | 'pipe' | 'socket' | 'tty' | 'char' | 'block' | 'eventpoll' | 'eventfd'
  | 'signalfd' | 'timerfd' | 'inotify' | 'pidfd' | 'anon' | 'unknown';

const ANON_KINDS: Record<string, FdType> = {
  '[eventpoll]': 'eventpoll',
  '[eventfd]': 'eventfd',
  '[signalfd]': 'signalfd',
  '[timerfd]': 'timerfd',
  inotify: 'inotify',
  '[pidfd]': 'pidfd',
};

/** The kinds that are anon inodes: kernel objects with no file behind them. */
export const ANON_INODE_TYPES: ReadonlySet<FdType> = new Set([...Object.values(ANON_KINDS), 'anon']);

const TTY_PATH = /^\/dev\/(pts\/\d+|tty\w*|console)$/;

/** The kind a link target shows by itself; `undefined` for a path (that needs a stat). */
export function kindOfLinkTarget(target: string): FdType | undefined {
  if (target.startsWith('pipe:')) return 'pipe';
  if (target.startsWith('socket:')) return 'socket';
  if (target.startsWith('anon_inode:')) return ANON_KINDS[target.slice('anon_inode:'.length)] ?? 'anon';
  if (target.startsWith('/')) return TTY_PATH.test(target) ? 'tty' : undefined;
  return 'unknown';
}

const S_IFMT = 0o170000;
const KIND_OF_MODE: Record<number, FdType> = {
  0o100000: 'file',
  0o040000: 'directory',
  0o020000: 'char',
  0o060000: 'block',
  0o010000: 'pipe', // a named FIFO
  0o140000: 'socket', // an O_PATH fd on a socket file
};

/** The kind of an fd whose link target is a path, from its stat mode. */
export function kindOfPath(target: string, mode: number): FdType {
  const kind = KIND_OF_MODE[mode & S_IFMT] ?? 'unknown';
  return kind === 'char' && TTY_PATH.test(target) ? 'tty' : kind;
}
