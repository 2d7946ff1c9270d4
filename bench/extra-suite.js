// The benchmarks beyond closing: seeing what is open, and starting a child,
// each with 1000 fds open, the methods interleaved in one fresh Node process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarize } from './stats.js';

export const extraGroups = [
  {
    id: 'seeing',
    label: 'Listing and describing 1000 open fds',
    description:
      "1000 regular files open at fds 64..1063 besides the runtime's own. The lsof npm package runs `lsof -p PID` " +
      'through a shell and splits its columns; listFds() reads /proc/thread-self/fd once; describeFds() also asks ' +
      'each fd what it is (type, target, flags). Every answer is checked to hold all 1000 fds.',
    script: 'seeing-case.js',
    rounds: 20,
    warmup: 2,
    reference: 'listFds',
    methods: [
      { id: 'listFds', label: 'listFds()' },
      { id: 'describeFds', label: 'describeFds()' },
      { id: 'lsof', label: 'lsof npm package: raw()', needs: 'lsof' },
    ],
    targets: [{ name: 'lsof npm package vs listFds, 1000 fds', method: 'lsof', reference: 'listFds', atLeast: 20 }],
  },
  {
    id: 'spawn',
    label: "spawnSync('true') with 1000 open fds",
    description:
      '1000 regular files opened afresh at fds 64..1063 before every call, none close-on-exec. The child of ' +
      'node:child_process inherits all of them; the child of close-range/child_process (closeFds: true, the ' +
      'default) starts with fds 0-2 only. The time is the whole spawnSync call, until the child has exited.',
    script: 'spawn-case.js',
    rounds: 100,
    warmup: 5,
    reference: 'node-spawnSync',
    methods: [
      { id: 'node-spawnSync', label: "node:child_process spawnSync('true')" },
      { id: 'spawnSync', label: "close-range/child_process spawnSync('true')" },
    ],
    targets: [{ name: "close-range spawnSync vs node's, 1000 fds", method: 'spawnSync', reference: 'node-spawnSync', atMost: 1.15 }],
  },
];

/** Runs one group; methods whose program is missing here are left out with a note. */
export function runExtraGroup(group, file, skipped, log) {
  const started = Date.now();
  const methods = group.methods.filter((method) => {
    if (!method.needs || commandExists(method.needs)) return true;
    skipped.push(`${method.label} skipped: the ${method.needs} program is not installed (the npm package runs it).`);
    return false;
  });
  const script = fileURLToPath(new URL(group.script, import.meta.url));
  const args = [script, file, group.rounds, group.warmup, methods.map((method) => method.id).join(',')].map(String);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${group.label} failed (status ${child.status}):\n${child.stderr}`);
  const samples = JSON.parse(child.stdout.trim().split('\n').at(-1));
  log(`  ${group.label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const results = Object.fromEntries(methods.map((method) => [method.id, { label: method.label, runsIn: 'Node', ...summarize(samples[method.id]) }]));
  const { id, label, description, reference, targets } = group;
  return { id, label, description, reference, results, targets };
}

function commandExists(command) {
  const probe = spawnSync(command, ['-v'], { stdio: 'ignore' });
  return probe.error?.code !== 'ENOENT';
}
