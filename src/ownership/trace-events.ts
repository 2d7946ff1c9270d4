// Node's trace files (trace_events.createTracing().enable(),
// --trace-event-categories): the tracing thread opens
// node_trace.${rotation}.log (or --trace-event-file-pattern) at the first
// event after tracing starts, and another every 2^19 events, keeping each
// one open until the process exits, when it writes the closing `]}` into the
// last. Closed under it, the records and that suffix land in the file that
// takes the number.
//
// Exact: a file is claimed only when its path is the pattern Node expands,
// with this process's pid and a rotation number, and only once tracing may
// have run (the option given, or node:trace_events loaded). The tracing
// thread opens files with no new async id, so while tracing is on a cached
// answer cannot stand.
import { loadedBuiltin } from './loaded-builtin.js';
import { escapeRegExp, inDirectory, splitPath } from './path-pattern.js';
import { startupOption } from './startup-options.js';
import type { FdOwner } from './owner.js';

type TraceEvents = typeof import('node:trace_events');

const DEFAULT_PATTERN = 'node_trace.${rotation}.log';

let path: RegExp | undefined;
let categoriesAtClaim: string | undefined;

export const traceEventsOwner: FdOwner = {
  claim(look, claim) {
    const traceEvents = loadedBuiltin<TraceEvents>('trace_events');
    categoriesAtClaim = traceEvents?.getEnabledCategories();
    if (!tracingAtStartup() && traceEvents === undefined) return;
    path ??= traceFilePath(process.pid);
    for (const fd of look.fds) {
      const target = look.target(fd);
      if (target !== undefined && path.test(target)) claim(fd, 'node:trace');
    }
  },
  changedSinceClaim() {
    if (tracingAtStartup()) return true;
    const categories = loadedBuiltin<TraceEvents>('trace_events')?.getEnabledCategories();
    return categories !== undefined || categories !== categoriesAtClaim;
  },
};

let onFromStartup: boolean | undefined;

/** Categories given on the command line stay on until the process exits. */
function tracingAtStartup(): boolean {
  if (onFromStartup === undefined) {
    const categories = startupOption('trace-event-categories');
    onFromStartup = (typeof categories === 'string' && categories !== '') || startupOption('trace-events-enabled') === true;
  }
  return onFromStartup;
}

/** The files the tracing thread of process `pid` writes: the pattern with ${pid} and ${rotation} expanded. */
export function traceFilePath(pid: number): RegExp {
  const option = startupOption('trace-event-file-pattern');
  const [directory, base] = splitPath(typeof option === 'string' && option !== '' ? option : DEFAULT_PATTERN);
  const name = base
    .split(/(\$\{pid\}|\$\{rotation\})/)
    .map((part) => (part === '${pid}' ? String(pid) : part === '${rotation}' ? '\\d+' : escapeRegExp(part)))
    .join('');
  return inDirectory(directory.replaceAll('${pid}', String(pid)), name);
}
