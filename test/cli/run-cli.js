// Runs close-range the way users do: from a real bash, through a `close-range`
// link on PATH, so the shebang and the executable bit are exercised too.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxed } from '../helpers/sandbox.js';

export const cliPath = fileURLToPath(new URL('../../dist/cli/main.cjs', import.meta.url));

const binDir = mkdtempSync(join(tmpdir(), 'close-range-bin-'));
symlinkSync(cliPath, join(binDir, 'close-range'));
chmodSync(binDir, 0o755); // also for tests that drop to an unprivileged user
process.on('exit', () => rmSync(binDir, { recursive: true, force: true }));

// Whatever the test runner itself inherited (and Node's child_process passes
// on) is closed first, so each script starts with exactly fds 0-2.
const CLOSE_ALL_BUT_STDIO = 'for p in /proc/$$/fd/*; do n=${p##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; ';

// Colour settings of whoever runs the tests must not leak into them either.
const { NO_COLOR, FORCE_COLOR, ...baseEnv } = process.env;
const shellEnv = (env = {}) => ({ ...baseEnv, ...env, PATH: `${binDir}:${process.env.PATH}` });

/**
 * Runs `script` in `bash -c` with only fds 0-2 open at its start; `sandbox`
 * (see test/helpers/sandbox.js) takes close_range(2) or procfs away first.
 */
export function shell(script, { env, input, sandbox } = {}) {
  // Closed before entering the sandbox: without procfs the loop cannot list them.
  const command = sandboxed(['bash', '-c', script], sandbox);
  const child = spawnSync('bash', ['-c', `${CLOSE_ALL_BUT_STDIO}exec "$@"`, 'bash', ...command], {
    encoding: 'utf8',
    env: shellEnv(env),
    input,
    timeout: 30_000,
  });
  if (child.error) throw child.error;
  return { status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

/** Starts `script` in the background; resolves once it printed its first line (e.g. a pid). */
export function startShell(script) {
  const child = spawn('bash', ['-c', CLOSE_ALL_BUT_STDIO + script], { env: shellEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve({ child, firstLine: output.split('\n')[0] });
    });
  });
}

/** The numbers `ls /proc/self/fd` printed, ascending. */
export const fdNumbers = (stdout) => stdout.split(/\s+/).filter(Boolean).map(Number).sort((a, b) => a - b);
