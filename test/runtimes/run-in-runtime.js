// Runs a fixture under a runtime of the matrix (installed into .runtimes/
// first when missing: a runtime that cannot be installed fails the test).
import { spawnSync } from 'node:child_process';
import { ensureRuntime } from '../../scripts/runtimes/install.js';
import { RUNTIMES } from '../../scripts/runtimes/matrix.js';
import { fixturePath } from '../helpers/run-fixture.js';
import { sandboxed } from '../helpers/sandbox.js';

/**
 * Runs `fixture` under runtime `id` with the runtime's own `flags` (default:
 * those of the matrix); `sandbox` (see helpers/sandbox.js) wraps the command.
 */
export function runInRuntime(id, fixture, { flags, args = [], stdio, sandbox } = {}) {
  const binary = ensureRuntime(id);
  const runtime = RUNTIMES.find((candidate) => candidate.id === id);
  // The command may start the binary through a launcher (env, for musl's library path).
  const command = runtime.command?.(binary) ?? [binary];
  const [file, ...launch] = command.slice(0, command.indexOf(binary) + 1);
  const defaultFlags = command.slice(command.indexOf(binary) + 1);
  const argv = [file, ...launch, ...(flags ?? defaultFlags), fixturePath(fixture), ...args];
  const [program, ...programArgs] = sandbox ? sandboxed(argv, sandbox) : argv;
  const child = spawnSync(program, programArgs, {
    encoding: 'utf8',
    timeout: 60_000,
    stdio,
    env: { ...process.env, NO_COLOR: '1' }, // Deno's errors stay readable in assertion messages
  });
  const lines = child.stdout.trim().split('\n');
  let result;
  try {
    result = JSON.parse(lines.at(-1));
  } catch {
    throw new Error(`${fixture} under ${id} printed no JSON (status ${child.status}, signal ${child.signal})\nstdout: ${child.stdout}\nstderr: ${child.stderr}`);
  }
  return { ...child, lines, result };
}
