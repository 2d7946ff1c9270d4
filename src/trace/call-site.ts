// Where the user's code asked for an fd: the first stack frame that is
// neither Node's own (node:internal/fs/streams...) nor this library's, so a
// leak points at the test's line, not at a wrapper.
import { fileURLToPath } from 'node:url';

export interface CallSite {
  /** `path:line:column` of the caller; undefined when no frame is the user's (the work started from Node's own queue). */
  at: string | undefined;
  /** The caller's frames, innermost first, one `at ...` line each. */
  stack: string;
}

// Every build of the library (one file per module, or bundles) lives under dist/.
const ownUrl = import.meta.url;
const libraryDirectory = ownUrl.startsWith('file:') && ownUrl.includes('/dist/')
  ? fileURLToPath(ownUrl.slice(0, ownUrl.lastIndexOf('/dist/') + '/dist/'.length))
  : undefined;

// A stream's open or a module loader sits under many frames: 10 is often too few.
const FRAMES = 40;

/** The frames above `below` (the wrapper the user called), with Node's and the library's left out. */
export function callSite(below: Function): CallSite {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  Error.captureStackTrace(holder, below);
  Error.stackTraceLimit = limit;
  const frames = (holder.stack ?? '').split('\n').slice(1).flatMap((line) => {
    const location = locationOf(line);
    const own = location === undefined || (libraryDirectory !== undefined && location.startsWith(libraryDirectory));
    return own ? [] : [{ line: line.trim(), location }];
  });
  // A dependency's frame is where it opened the fd; the first frame of the user's own code is where to look first.
  const located = frames.find(({ location }) => !location.includes('/node_modules/')) ?? frames[0];
  return { at: located?.location, stack: frames.map(({ line }) => line).join('\n') };
}

// `at fn (file:///x/y.js:3:7)`, `at /x/y.js:3:7`, `at async fn (/x/y.js:3:7)`; node:, <anonymous> and native frames are no one's line.
const LOCATION = /(?:\(|at (?:async )?)((?:file:\/\/|\/)[^()]*):(\d+):(\d+)\)?$/;

function locationOf(frame: string): string | undefined {
  const match = LOCATION.exec(frame);
  if (match === null) return undefined;
  const [, file, line, column] = match as unknown as [string, string, string, string];
  return `${file.startsWith('file://') ? pathOf(file) : file}:${line}:${column}`;
}

function pathOf(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}
