// Runs in a fresh Node process: spawnSync('true') from node:child_process and
// from close-range/child_process take turns, in a new random order each round,
// each with 1000 freshly opened fds that are not close-on-exec. The child of
// node's inherits all 1000; the child of close-range's starts with 0-2 only.
// Fresh fds every time: close-range's spawnSync leaves the parent's fds
// close-on-exec, which would spare node's children the inheritance too.
// argv: FILE ROUNDS WARMUP METHOD,METHOD... Prints one JSON line { methodId: [ns, ...] }.
import * as nodeChildProcess from 'node:child_process';
import { hrtime } from 'node:process';
import * as closeRangeChildProcess from 'close-range/child_process';
import { libc } from '../dist/native/libc.js';
import { layoutFds, openLayout } from './fd-layout.js';
import { shuffled } from './shuffle.js';

const [file, rounds, warmup, methodIds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5].split(',')];
const fds = layoutFds({ base: 64, count: 1000, extra: -1 });

const methods = [
  { id: 'node-spawnSync', run: () => nodeChildProcess.spawnSync('true') },
  { id: 'spawnSync', run: () => closeRangeChildProcess.spawnSync('true') },
].filter((method) => methodIds.includes(method.id));
const samples = Object.fromEntries(methods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (const method of shuffled(methods)) {
    openLayout(file, fds);
    const start = hrtime.bigint();
    const child = method.run();
    const elapsed = Number(hrtime.bigint() - start);
    libc().closeRange(fds[0], fds.at(-1), 0);
    if (child.status !== 0) throw new Error(`${method.id}('true') failed: ${child.error?.message ?? `status ${child.status}`}`);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
