// Runs a fixture under a runtime of the matrix (installed into .runtimes/
// first when missing: a runtime that cannot be installed fails the test).
import { spawnSync } from 'node:child_process';
import { ensureRuntime } from '../../scripts/runtimes/install.js';
import { RUNTIMES } from '../../scripts/runtimes/matrix.js';
import { fixturePath } from '../helpers/run-fixture.js';

/** Runs `fixture` under runtime `id` with the runtime's own `flags` (default: those of the matrix). */
export function runInRuntime(id, fixture, { flags, args = [], stdio } = {}) {
  const binary = ensureRuntime(id);
  const runtime = RUNTIMES.find((candidate) => candidate.id === id);
  const [, ...defaultFlags] = runtime.command?.(binary) ?? [binary];
  const child = spawnSync(binary, [...(flags ?? defaultFlags), fixturePath(fixture), ...args], {
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
