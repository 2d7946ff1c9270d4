// Runs every close case: the JavaScript methods interleaved round by round in
// one Node process, the C and Python references in their own processes. The
// processes of a case alternate in batches (node, C, Python, then C, Python,
// node...), each on its own freshly opened fds, and their samples are merged.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closeMethods } from './close-methods.js';
import { BATCHES } from './plan.js';
import { summarize } from './stats.js';

const CLOSE_CASE = fileURLToPath(new URL('close-case.js', import.meta.url));

export const nodeRunner = {
  name: 'Node',
  methods: closeMethods.map(({ id, label }) => ({ id, label })),
  command: (args) => [process.execPath, [CLOSE_CASE, ...args]],
};

/** Medians and extremes per method, per case. */
export function runCloseCases(cases, runners, file, log) {
  return cases.map((closeCase) => {
    const started = Date.now();
    const samples = {};
    const perBatch = Math.ceil(closeCase.rounds / BATCHES);
    for (let batch = 0; batch < BATCHES; batch++) {
      for (let k = 0; k < runners.length; k++) {
        const runner = runners[(batch + k) % runners.length];
        const { base, count, extra } = closeCase.layout;
        const args = [file, base, count, extra, perBatch, closeCase.warmup].map(String);
        for (const [id, values] of Object.entries(runOnce(runner, args))) (samples[id] ??= []).push(...values);
      }
    }
    log(`  ${closeCase.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const results = {};
    for (const runner of runners) {
      for (const method of runner.methods) results[method.id] = { label: method.label, runsIn: runner.name, ...summarize(samples[method.id]) };
    }
    const { layout } = closeCase;
    const lo = layout.count > 0 ? layout.base : layout.extra;
    const hi = layout.extra >= 0 ? layout.extra : layout.base + layout.count - 1;
    const openFds = layout.count + (layout.extra >= 0 ? 1 : 0);
    return { id: closeCase.id, label: closeCase.label, openFds, range: [lo, hi], sweep: closeCase.sweep, patch: closeCase.patch, results };
  });
}

function runOnce(runner, args) {
  const [file, argv] = runner.command(args);
  const child = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.status !== 0) {
    throw new Error(`${runner.name} benchmark failed (${child.error?.message ?? `status ${child.status}, signal ${child.signal}`}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}
