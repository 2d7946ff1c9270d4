// The runtimes the library is tested on, pinned so that a cached install
// is reused only while it is the exact version listed here. Every binary
// comes from a package on the npm registry that ships it inside the tarball
// (no install script, nothing downloaded from elsewhere).
import { arch, report } from 'node:process';
import { muslLibraryPath, prepareMuslLibraries } from './musl.js';

const isMusl = () => !report.getReport().header.glibcVersionRuntime;

const NODE_ARCH = { x64: 'x64', arm64: 'arm64' };
const BUN_ARCH = { x64: 'x64', arm64: 'aarch64' };
const DENO_ARCH = { x64: 'x64', arm64: 'arm64' };

// Node runs the whole suite (test runner included) under the version tested.
// Bun and Deno run their own tests, then the fixture-based tests that apply:
// the test runner stays on Node, each fixture (the code that closes fds)
// runs under the runtime tested.
export function nodeRuntime(version, runtimeTests = []) {
  const major = version.split('.')[0];
  return {
    id: `node${major}`,
    kind: 'node',
    version,
    package: () => NODE_ARCH[arch] && `node-linux-${NODE_ARCH[arch]}`,
    binary: 'bin/node',
    runtimeTests,
  };
}

// process.execve exists from Node 22.15 and 23.11 on.
const PROCESS_EXECVE_TESTS = ['test/runtimes/node-execve.test.js'];

export const RUNTIMES = [
  nodeRuntime('20.20.2'),
  nodeRuntime('22.23.5', PROCESS_EXECVE_TESTS),
  nodeRuntime('24.22.3', PROCESS_EXECVE_TESTS),
  nodeRuntime('26.12.1', PROCESS_EXECVE_TESTS),
  {
    id: 'bun',
    kind: 'bun',
    version: '1.4.5',
    package: () => BUN_ARCH[arch] && `@oven/bun-linux-${BUN_ARCH[arch]}${isMusl() ? '-musl' : ''}`,
    binary: 'bin/bun',
    runtimeTests: ['test/runtimes/bun.test.js', 'test/runtimes/bun-register.test.js', 'test/runtimes/bun-ownership.test.js'],
    command: (binary) => [binary],
    // Not here: close-range and close-range-kernel observe what a plain
    // child inherits, and Bun's spawn passes nothing but stdio;
    // child_process/inheritance forks with passFds, which Bun cannot do;
    // runtime/guard-live drives Node's own handles (unref(), libuv's fds);
    // exec/execve assumes Node's start-up state (0-2 close-on-exec, stdout
    // created and non-blocking), where Bun opens two fds and makes 1-2
    // non-blocking at the first look at process.stdout; fds/leaks expects a
    // node:worker_threads Worker to have opened its loop within one
    // setImmediate, which Bun's does not always do. bun.test.js covers each
    // with Bun's own APIs: children, survival, execve, leaks.
    fixtureTests: [
      'test/close-range-bad-input.test.js',
      'test/close-range-glibc.test.js',
      'test/fds/list.test.js',
    ],
  },
  {
    // Alpine's build, on this glibc machine: see musl.js for what it loads.
    id: 'bun-musl',
    kind: 'bun',
    version: '1.4.5',
    package: () => BUN_ARCH[arch] && `@oven/bun-linux-${BUN_ARCH[arch]}-musl`,
    binary: 'bin/bun',
    libc: 'musl',
    prepare: (home) => isMusl() || prepareMuslLibraries(home),
    runtimeTests: ['test/runtimes/musl.test.js', 'test/runtimes/bun-ownership.test.js'],
    command: (binary) => (isMusl() ? [binary] : ['env', `LD_LIBRARY_PATH=${muslLibraryPath(binary)}`, binary]),
    // The same as for Bun, for the same reasons.
    fixtureTests: [
      'test/close-range-bad-input.test.js',
      'test/close-range-glibc.test.js',
      'test/fds/list.test.js',
    ],
  },
  {
    id: 'deno',
    kind: 'deno',
    version: '2.9.6',
    // Deno publishes no musl build.
    package: () => DENO_ARCH[arch] && !isMusl() && `@deno/linux-${DENO_ARCH[arch]}-glibc`,
    binary: 'deno',
    runtimeTests: ['test/runtimes/deno.test.js', 'test/runtimes/deno-register.test.js', 'test/runtimes/deno-ownership.test.js'],
    command: (binary) => [binary, 'run', '-A'],
    // Not here: close-range-glibc and fds/list use node:fs on fds made with
    // dup2 or closed natively, which Deno's node:fs table refuses or breaks
    // on (deno.test.js shows both); fds/leaks and exec/execve assume Node's
    // start-up state (a lazily opened stdout fd, 0-2 close-on-exec, a
    // non-blocking stdout pipe), and child_process/inheritance has a
    // Node-only fixture: deno.test.js covers leaks, execve and our children.
    // close-range closes fds after cloexecFrom() marked them, and Deno spares
    // every close-on-exec fd; runtime/guard-live closes the runtime's own fds
    // with beforeExec, which Deno refuses (deno.test.js shows both, and why).
    fixtureTests: [
      'test/close-range-bad-input.test.js',
      'test/close-range-kernel.test.js',
    ],
  },
];
