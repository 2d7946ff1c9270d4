// Runs a fixture the way a user's app runs: node started from a shell that
// hands it fds 7, 20 and 251 (7 below libuv's marked 0..15, the others above),
// in the repository's root so that `close-range/register` resolves by name.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fixturePath } from './run-fixture.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const INHERITED = [7, 20, 251];
const SHELL = `exec ${INHERITED.map((fd) => `${fd}</dev/null`).join(' ')}; exec "$@"`;

/** nodeArgs before the fixture; env added to the test's own; `result` is the JSON printed last. */
export function runRegistered(fixture, { nodeArgs = [], env = {}, args = [], shell = SHELL } = {}) {
  const child = spawnSync('bash', ['-c', shell, 'bash', process.execPath, ...nodeArgs, fixturePath(fixture), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  let result;
  try {
    result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  } catch {
    result = undefined;
  }
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, result };
}
