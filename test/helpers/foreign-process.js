// A process this test may not look into, for any user running the tests.
// As root: `sleep` run as nobody, looked at by a command started with no
// capabilities (dropping the capabilities, not the uid, keeps the checkout
// readable wherever it lies, a private temporary directory included).
// As any other user, who cannot start a process as another uid: its own
// `sleep`, started from a copy it may execute but not read. The kernel then
// marks the process non-dumpable, as for a setuid program, and its /proc/PID/fd
// belongs to root: the same EACCES, and this user has no capability to bypass it.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AS_ROOT = process.getuid() === 0;
export const WITHOUT_CAPABILITIES = AS_ROOT ? ['setpriv', '--bounding-set=-all', '--inh-caps=-all'] : [];
const NOBODY = 65534;

/** Starts `sleep` so that WITHOUT_CAPABILITIES may not read its fds and returns its pid once it runs; stop() ends it. */
export function startForeignProcess() {
  const { child, ready, cleanUp } = AS_ROOT ? sleepAsNobody() : sleepNonDumpable();
  const deadline = Date.now() + 10_000;
  while (!ready(child.pid)) {
    if (Date.now() > deadline) {
      child.kill();
      cleanUp();
      throw new Error(`sleep did not start as a process this user may not inspect (${AS_ROOT ? 'is setpriv installed?' : 'is the temporary directory mounted noexec?'})`);
    }
  }
  const stop = () => {
    child.kill();
    cleanUp();
  };
  return { pid: child.pid, stop };
}

function sleepAsNobody() {
  const child = spawn('setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', 'sleep', '60'], { stdio: 'ignore' });
  const ready = (pid) => runsSleep(pid) && /^Uid:\s+65534\b/m.test(readProc(pid, 'status'));
  return { child, ready, cleanUp: () => {} };
}

function sleepNonDumpable() {
  const directory = mkdtempSync(join(tmpdir(), 'close-range-foreign-'));
  const copy = join(directory, 'sleep');
  copyFileSync(execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim(), copy);
  chmodSync(copy, 0o111);
  const child = spawn(copy, ['60'], { stdio: 'ignore' });
  const ready = (pid) => runsSleep(pid) && statSync(`/proc/${pid}/fd`, { throwIfNoEntry: false })?.uid === 0;
  return { child, ready, cleanUp: () => rmSync(directory, { recursive: true, force: true }) };
}

const runsSleep = (pid) => readProc(pid, 'comm') === 'sleep\n';

function readProc(pid, name) {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return '';
  }
}
