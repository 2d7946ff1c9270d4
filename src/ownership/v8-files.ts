// V8's own files: the log that --prof, --log-* and the perf options write
// (isolate-0x<isolate>-<pid>-v8.log, or what --logfile names), perf's symbol
// map (perf-<pid>.map, --perf-basic-prof) and jitdump (jit-<pid>.dump,
// --perf-prof). V8 opens them as plain regular files without O_CLOEXEC when
// each isolate starts (a worker's isolate has a log of its own) and writes
// ticks into them until it ends: closed under it, its records land in
// whatever file takes the number next.
//
// Exact: a file is claimed only when its path is one V8 builds from this
// process's pid and the options it started with, the way V8 builds it (the
// isolate prefix on the log's base name, %p and %t expanded), and only while
// such an option was given. No changedSinceClaim: V8 opens them before any
// JavaScript runs in their isolate, the main one's before the first claim and
// a worker's while the worker lives (the guard then looks at every call).
import { escapeRegExp as escape, inDirectory, splitPath } from './path-pattern.js';
import { anyStartupOption, startupOption } from './startup-options.js';
import type { FdOwner } from './owner.js';

const DEFAULT_LOG = 'v8.log';
const DEFAULT_PERF_MAP_DIRECTORY = '/tmp';

// --prof, --prof-cpp, --log, --log-all, --log-code..., --perf-basic-prof, --perf-prof..., --ll-prof.
const OPENS_V8_FILES = (name: string): boolean => /^(prof|log|perf-|ll-prof)/.test(name) && name !== 'logfile-per-isolate';

let paths: readonly RegExp[] | undefined;

export const v8FilesOwner: FdOwner = {
  claim(look, claim) {
    paths ??= anyStartupOption(OPENS_V8_FILES) ? v8FilePaths(process.pid) : [];
    if (paths.length === 0) return;
    for (const fd of look.fds) {
      const target = look.target(fd);
      if (target !== undefined && paths.some((path) => path.test(target))) claim(fd, 'v8:log');
    }
  },
};

/** The paths V8 writes for process `pid` under the options it started with. */
export function v8FilePaths(pid: number): RegExp[] {
  const logfile = stringOption('logfile') ?? DEFAULT_LOG;
  const perIsolate = startupOption('logfile-per-isolate') !== false;
  const paths = [
    inDirectory(stringOption('perf-basic-prof-path') ?? DEFAULT_PERF_MAP_DIRECTORY, escape(`perf-${pid}.map`)),
    inDirectory(stringOption('perf-prof-path') ?? '.', escape(`jit-${pid}.dump`)),
  ];
  // '-' is standard output and '+' an unnamed temporary file, unless each isolate has a file of its own.
  if (perIsolate || (logfile !== '-' && logfile !== '+')) paths.push(logPath(logfile, pid, perIsolate));
  return paths;
}

function logPath(logfile: string, pid: number, perIsolate: boolean): RegExp {
  const [directory, base] = splitPath(logfile);
  const name = expandLogName(base, pid);
  return inDirectory(directory, perIsolate ? `isolate-0x[0-9a-f]+-${pid}-${name}` : name);
}

/** V8's placeholders in --logfile: %p the pid, %t the time it opened the file, %% a percent sign. */
const expandLogName = (name: string, pid: number): string =>
  name
    .split(/(%[pt%])/)
    .map((part) => (part === '%p' ? String(pid) : part === '%t' ? '\\d+' : part === '%%' ? '%' : escape(part)))
    .join('');

function stringOption(name: string): string | undefined {
  const value = startupOption(name);
  return typeof value === 'string' ? value : undefined;
}
