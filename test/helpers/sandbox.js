// Runs a fixture where close_range(2) or procfs is really missing: under a
// seccomp filter (seccomp-close-range.c, compiled here with gcc; it needs no
// privilege) and/or in a private mount namespace with a tmpfs over /proc
// (unshare -m as root; any other user makes it inside a user namespace of its
// own). Without gcc, unshare or strace the run fails, loudly. Only a user
// other than root, on a kernel that refuses it a user namespace (or ptrace,
// for strace), skips the tests that need it, each with the kernel's answer as
// the reason: as root nothing is skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturePath } from './run-fixture.js';

const LAUNCHER_SOURCE = fileURLToPath(new URL('./seccomp-close-range.c', import.meta.url));
let launcher;

// Mounting needs CAP_SYS_ADMIN over the mount namespace: root has it; another
// user gets it in a new user namespace (its uid mapped to 0 there), where the
// kernel allows a tmpfs mount, so the fixture runs as root of that namespace,
// as it does when the tests run as root.
const PRIVATE_MOUNTS = process.getuid() === 0
  ? ['unshare', '--mount', '--propagation', 'private', '--']
  : ['unshare', '--user', '--map-root-user', '--mount', '--propagation', 'private', '--'];
const HIDE_PROC = ['sh', '-c', 'mount -t tmpfs none /proc && exec "$@"', 'sh'];

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
 *   kcmp: 'EPERM' refuses kcmp(2) too
 *   procfs: false mounts a tmpfs over /proc in a private mount namespace
 *   shell: a bash snippet run last, right before the command (e.g. to lower RLIMIT_NOFILE)
 *   trace: syscall names strace records (all threads) into the file `traceFile`
 */
export function sandboxed(command, { closeRange, unshare, kcmp, procfs = true, shell, trace } = {}, traceFile = undefined) {
  let argv = command;
  if (trace) argv = ['strace', '-f', '-qq', '-o', traceFile, '-e', `trace=${trace.join(',')}`, ...argv];
  if (shell) argv = ['bash', '-c', `${shell}\nexec "$@"`, 'bash', ...argv];
  if (unshare) argv = [seccompLauncher(), `UNSHARE-${unshare}`, ...argv];
  if (kcmp) argv = [seccompLauncher(), `KCMP-${kcmp}`, ...argv];
  if (closeRange) argv = [seccompLauncher(), closeRange, ...argv];
  if (!procfs) argv = [...PRIVATE_MOUNTS, ...HIDE_PROC, ...argv];
  return argv;
}

/**
 * Why `sandbox` cannot be built for this user, or undefined when it can. As
 * root it is always undefined: there a sandbox that fails must fail its test.
 */
export function sandboxRefused({ procfs = true, trace } = {}) {
  if (process.getuid() === 0) return undefined;
  const needed = [!procfs && 'procfs', trace && 'trace'].filter(Boolean);
  return needed.map((name) => (refusals[name] ??= refusal(PROBES[name]))).filter(Boolean).join('; ') || undefined;
}

/** node:test options for a test that runs in `sandbox`: skipped, with the reason, where it cannot be built. */
export function skipWhereRefused(sandbox) {
  const reason = sandboxRefused(sandbox);
  return reason ? { skip: reason } : {};
}

// What the kernel may refuse a user other than root, each tried once with
// the smallest command that needs it; the kernel's answer is the reason.
const PROBES = {
  procfs: { command: [...PRIVATE_MOUNTS, ...HIDE_PROC, 'test', '!', '-e', '/proc/self'], needs: 'a user namespace to hide /proc in', tool: 'util-linux' },
  trace: { command: ['strace', '-f', '-qq', '-o', '/dev/null', 'true'], needs: 'ptrace for strace (see kernel.yama.ptrace_scope)', tool: 'strace' },
};
const refusals = {};

function refusal({ command: [file, ...args], needs, tool }) {
  const child = spawnSync(file, args, { encoding: 'utf8', timeout: 30_000 });
  if (child.error?.code === 'ENOENT') throw new Error(`${file} is not installed: install ${tool}; these tests must not be skipped`);
  if (child.status === 0) return '';
  const why = child.stderr.trim().split('\n')[0] || String(child.error ?? `status ${child.status}`);
  return `needs root or ${needs}, which this kernel refused to uid ${process.getuid()} (${why})`;
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
