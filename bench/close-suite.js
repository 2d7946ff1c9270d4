// Runs every close case. The JavaScript methods take turns round by round in
// one Node process; a forced mechanism (read once per process from the
// environment), C and Python need processes of their own. The processes of a
// case alternate in batches (Node, Node with the variable, C, Python, then the
// same from the next one on...) and the samples of all batches are merged.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closeMethods } from './close-methods.js';
import { layoutFds } from './fd-layout.js';
import { summarize } from './stats.js';

const CLOSE_CASE = fileURLToPath(new URL('close-case.js', import.meta.url));

const nodeRunner = (name, methods, env = {}) => ({
  name,
  methods,
  env,
  command: (args) => [process.execPath, [CLOSE_CASE, ...args, methods.map((method) => method.id).join(',')]],
});

export const nodeRunners = [
  nodeRunner('Node', closeMethods.filter((method) => !method.mechanism)),
  ...closeMethods
    .filter((method) => method.mechanism)
    .map((method) => nodeRunner('Node (env)', [method], { CLOSE_RANGE_MECHANISM: method.mechanism })),
];

/** Medians and extremes per method, per case. */
export function runCloseCases(cases, runners, file, log) {
  return cases.map((closeCase) => {
    const started = Date.now();
    const samples = {};
    const { batches } = closeCase;
    const perBatch = Math.ceil(closeCase.rounds / batches);
    const { base, count, extra } = closeCase.layout;
    const args = [file, base, count, extra, perBatch, closeCase.warmup].map(String);
    for (let batch = 0; batch < batches; batch++) {
      for (let k = 0; k < runners.length; k++) {
        const runner = runners[(batch + k) % runners.length];
        for (const [id, values] of Object.entries(runOnce(runner, args))) (samples[id] ??= []).push(...values);
      }
    }
    log(`  ${closeCase.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const results = {};
    for (const runner of runners) {
      for (const { id, label } of runner.methods) results[id] = { label, runsIn: runner.name, ...summarize(samples[id]) };
    }
    const fds = layoutFds(closeCase.layout);
    const { id, label, sweep, patch } = closeCase;
    return { id, label, openFds: fds.length, range: [fds[0], fds.at(-1)], sweep, patch, results };
  });
}

function runOnce(runner, args) {
  const [file, argv] = runner.command(args);
  const child = spawnSync(file, argv, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...runner.env },
  });
  if (child.status !== 0) {
    throw new Error(`${runner.name} benchmark failed (${child.error?.message ?? `status ${child.status}, signal ${child.signal}`}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}
