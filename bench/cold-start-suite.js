// Start-up costs, each sample a fresh process, the methods interleaved in
// shuffled rounds so that a busy machine slows them all alike.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shuffled } from './shuffle.js';
import { summarize } from './stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli/main.cjs', import.meta.url));
const firstCall = fileURLToPath(new URL('first-call-case.js', import.meta.url));

export const coldStartGroups = [
  {
    id: 'cold-process',
    label: 'Whole process, start to exit',
    description:
      'Each sample is one process started and waited for, timed by the parent. `import` is ' +
      "`node -e \"import('close-range')\"`, run in the package folder; `exec` is the installed command's " +
      '`close-range exec -- true`, which loads koffi to close and exec.',
    rounds: 40,
    warmup: 3,
    reference: 'node',
    methods: [
      { id: 'node', label: 'node -e 0', command: [process.execPath, '-e', '0'] },
      { id: 'import', label: "node -e \"import('close-range')\"", command: [process.execPath, '-e', "import('close-range')"] },
      { id: 'exec', label: 'close-range exec -- true', command: [process.execPath, cli, 'exec', '--', 'true'] },
      { id: 'help', label: 'close-range --help', command: [process.execPath, cli, '--help'] },
    ],
    targets: [
      { name: "import('close-range') vs node -e 0", method: 'import', reference: 'node', atMost: 1.15 },
      { name: 'close-range exec -- true vs node -e 0', method: 'exec', reference: 'node', atMost: 1.25 },
    ],
  },
  {
    id: 'cold-first-call',
    label: 'In a fresh process, timed inside it',
    description:
      'Each sample is one fresh Node process timing one step with process.hrtime: a cold `require(\'koffi\')`; ' +
      "koffi plus the library's libc binding; `await import('close-range')`; and the first `closeFrom(3)` " +
      'after that import (koffi, the binding and the first look at /proc/self/fd).',
    rounds: 40,
    warmup: 3,
    reference: 'koffi',
    methods: ['koffi', 'binding', 'import', 'closeFrom'].map((id) => ({
      id,
      label: { koffi: "require('koffi')", binding: 'koffi + libc binding', import: "import('close-range')", closeFrom: 'first closeFrom(3)' }[id],
      command: [process.execPath, firstCall, id],
      reportsOwnTime: true,
    })),
    targets: [{ name: "first closeFrom(3) vs cold require('koffi')", method: 'closeFrom', reference: 'koffi', atMost: 2 }],
  },
];

export function runColdStartGroup(group, log) {
  const started = Date.now();
  const samples = Object.fromEntries(group.methods.map((method) => [method.id, []]));
  for (let round = 0; round < group.warmup + group.rounds; round++) {
    for (const method of shuffled(group.methods)) {
      const time = runOnce(method);
      if (round >= group.warmup) samples[method.id].push(time);
    }
  }
  log(`  ${group.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const results = Object.fromEntries(group.methods.map((method) => [method.id, { label: method.label, runsIn: 'Node', ...summarize(samples[method.id]) }]));
  const { id, label, description, reference, targets } = group;
  return { id, label, description, reference, results, targets };
}

function runOnce({ label, command: [file, ...args], reportsOwnTime }) {
  const start = process.hrtime.bigint();
  const child = spawnSync(file, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start);
  if (child.status !== 0) throw new Error(`${label} failed (status ${child.status}):\n${child.stderr}`);
  return reportsOwnTime ? Number(child.stdout.trim()) : elapsed;
}
