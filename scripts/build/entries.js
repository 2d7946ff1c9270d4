// Every entry point the build writes, in one list. `subpath` is the package
// export (public entries get an ES module, a CommonJS twin and types);
// entries without one are loaded by the tests only and do not ship.
export const LIBRARY_ENTRIES = [
  { name: 'index', subpath: '.' },
  { name: 'child_process/index', subpath: './child_process' },
  { name: 'register/index', subpath: './register' },
  { name: 'register/deferred' },
  { name: 'native/libc' },
  { name: 'runtime/detect' },
  { name: 'mechanisms/brute-force' },
];

// Processes of their own: nothing to share, so each is one self-contained
// file. The command is CommonJS, which Node runs without starting its ES
// module loader (~8 ms of every `close-range` run); the demo awaits at top level.
export const PROGRAM_ENTRIES = [
  { name: 'cli/main', format: 'cjs', executable: true },
  { name: 'demo', format: 'es' },
];

export const publicEntries = () => LIBRARY_ENTRIES.filter((entry) => entry.subpath);
