// Runs a fixture where close_range(2) or procfs is really missing: under a
// seccomp filter (seccomp-close-range.c, compiled here with gcc) and/or in a
// private mount namespace with a tmpfs over /proc (unshare -m, needs root).
// Nothing is skipped: without gcc, root or unshare the run fails, loudly.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from './run-fixture.js';

const LAUNCHER_SOURCE = fileURLToPath(new URL('./seccomp-close-range.c', import.meta.url));
let launcher;

/** Builds the seccomp launcher once per test process; throws when gcc is missing. */
export function seccompLauncher() {
  if (launcher) return launcher;
  const directory = mkdtempSync(join(tmpdir(), 'close-range-seccomp-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  const output = join(directory, 'seccomp-close-range');
  try {
    execFileSync('gcc', ['-O2', '-Wall', '-Werror', '-o', output, LAUNCHER_SOURCE], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`building the seccomp launcher needs gcc (${error.code === 'ENOENT' ? 'not found' : error.stderr}); install gcc: these tests must not be skipped`);
  }
  return (launcher = output);
}

/**
 * The command that runs `command` in the sandbox:
 *   closeRange: 'ENOSYS' | 'EPERM' | 'EINVAL-CLOEXEC' | 'ERRNO=N' (undefined: the real kernel)
 *   unshare: 'EPERM' refuses unshare(2) too
 *   procfs: false mounts a tmpfs over /proc in a private mount namespace
 *   shell: a bash snippet run last, right before the command (e.g. to lower RLIMIT_NOFILE)
 *   trace: syscall names strace records (all threads) into the file `traceFile`
 */
export function sandboxed(command, { closeRange, unshare, procfs = true, shell, trace } = {}, traceFile = undefined) {
  let argv = command;
  if (trace) argv = ['strace', '-f', '-qq', '-o', traceFile, '-e', `trace=${trace.join(',')}`, ...argv];
  if (shell) argv = ['bash', '-c', `${shell}\nexec "$@"`, 'bash', ...argv];
  if (unshare) argv = [seccompLauncher(), `UNSHARE-${unshare}`, ...argv];
  if (closeRange) argv = [seccompLauncher(), closeRange, ...argv];
  if (!procfs) argv = ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', 'mount -t tmpfs none /proc && exec "$@"', 'sh', ...argv];
  return argv;
}

/** Runs test/fixtures/`name` in the sandbox; `result` is the JSON it printed last, `trace` what strace saw. */
export function runSandboxed(name, args = [], sandbox = {}, options = {}) {
  const traceFile = sandbox.trace ? join(mkdtempSync(join(tmpdir(), 'close-range-strace-')), 'trace') : undefined;
  const [file, ...rest] = sandboxed([process.execPath, fixturePath(name), ...args.map(String)], sandbox, traceFile);
  const child = spawnSync(file, rest, {
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    env: { ...process.env, ...options.env },
  });
  const lastLine = child.stdout?.trim().split('\n').at(-1) ?? '';
  let result;
  try {
    result = JSON.parse(lastLine);
  } catch {
    throw new Error(
      `fixture ${name} ${args.join(' ')} in ${JSON.stringify(sandbox)} printed no JSON ` +
        `(status ${child.status}, signal ${child.signal}, ${child.error ?? 'no spawn error'})\n` +
        `stdout: ${child.stdout}\nstderr: ${child.stderr}`,
    );
  }
  const trace = traceFile ? readFileSync(traceFile, 'utf8') : undefined;
  if (traceFile) rmSync(dirname(traceFile), { recursive: true, force: true });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, result, trace };
}
