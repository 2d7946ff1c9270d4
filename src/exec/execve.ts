// execve: replace the running program in place (same pid), handing the new
// one only 0-2 and `keep`, with default signal dispositions and an empty
// mask. On failure everything is put back and a Node-style error thrown.
import { systemError, type SystemError } from '../errors.js';
import { prepareDescriptors } from './descriptors.js';
import { toExecveRequest, type ExecveOptions } from './options.js';
import { execFromSearchPath } from './path-search.js';
import { assertNoPendingOutput } from './pending-output.js';
import { defaultSignalsForExec } from './signals.js';

export type { ExecveOptions } from './options.js';

/** Runs `file` in place of this process; returns only by throwing. */
export function execve(file: string, args?: readonly string[], options?: ExecveOptions): never {
  const request = toExecveRequest(file, args, options);
  assertNoPendingOutput();
  const restoreDescriptors = prepareDescriptors(request);
  const restoreSignals = defaultSignalsForExec();
  const failure = execFromSearchPath(request.file, request.searchPath, request.argv, request.envp);
  restoreSignals();
  restoreDescriptors();
  const error = systemError(failure.errno, 'execve', `'${failure.path}'`) as SystemError & { path: string };
  error.path = failure.path;
  throw error;
}
