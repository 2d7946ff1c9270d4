// Runs a script from test/fixtures in a fresh Node process. Anything that
// closes descriptors runs there, never in the test runner: a wrong range
// would kill the runner and hide the failure.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

// `npm run test:runtimes` runs the fixtures under Bun or Deno: the command
// that starts that runtime, as a JSON array (["/path/to/deno", "run", "-A"]).
const [runtime, ...runtimeArgs] = process.env.CLOSE_RANGE_FIXTURE_RUNTIME
  ? JSON.parse(process.env.CLOSE_RANGE_FIXTURE_RUNTIME)
  : [process.execPath];

/** Runs fixture `name` with `args`; `result` is the JSON the fixture printed last. */
export function runFixture(name, args = [], options = {}) {
  // stderrToFile: a file is no stream, so the fixture's first stream is one it makes itself.
  const stderrFile = options.stderrToFile ? join(mkdtempSync(join(tmpdir(), 'close-range-stderr-')), 'stderr') : undefined;
  const stderrFd = stderrFile && openSync(stderrFile, 'w');
  const child = spawnSync(runtime, [...runtimeArgs, ...(options.nodeArgs ?? []), fixturePath(name), ...args.map(String)], {
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    env: options.env ?? process.env,
    input: options.input,
    stdio: ['pipe', 'pipe', stderrFd ?? 'pipe'],
  });
  if (stderrFile) {
    closeSync(stderrFd);
    child.stderr = readFileSync(stderrFile, 'utf8');
    rmSync(dirname(stderrFile), { recursive: true });
  }
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  let result;
  try {
    result = JSON.parse(lastLine);
  } catch {
    result = undefined;
  }
  if (options.expectJson !== false && result === undefined) {
    throw new Error(`fixture ${name} ${args.join(' ')} printed no JSON (status ${child.status}, signal ${child.signal})\nstdout: ${child.stdout}\nstderr: ${child.stderr}`);
  }
  return { status: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr, result };
}

/**
 * Starts fixtures/fds-hold.js, which holds a known table open for this process to look at;
 * resolves to { pid, held } (what it printed of itself) and stop(), which lets it exit.
 */
export async function startFdHolder() {
  const child = spawn(process.execPath, [fixturePath('fds-hold.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    if (output.includes('\n')) break;
  }
  return { pid: child.pid, held: JSON.parse(output), stop: () => child.stdin.end() };
}
