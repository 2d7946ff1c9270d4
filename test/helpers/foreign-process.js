// A process this test may not look into, without leaving root: `sleep` run as
// nobody, looked at by a command started with no capabilities. Dropping the
// capabilities, not the uid, keeps the checkout readable wherever it lies
// (a private temporary directory included).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const WITHOUT_CAPABILITIES = ['setpriv', '--bounding-set=-all', '--inh-caps=-all'];
const NOBODY = 65534;

/** Starts `sleep` as nobody and returns its pid once it runs as nobody; stop() ends it. */
export function startForeignProcess() {
  const child = spawn('setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', 'sleep', '60'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!runsAsNobody(child.pid)) {
    if (Date.now() > deadline) throw new Error(`setpriv did not start sleep as uid ${NOBODY}: is setpriv installed?`);
  }
  return { pid: child.pid, stop: () => child.kill() };
}

function runsAsNobody(pid) {
  try {
    return /^Uid:\s+65534\b/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')) && readFileSync(`/proc/${pid}/comm`, 'utf8') === 'sleep\n';
  } catch {
    return false;
  }
}
