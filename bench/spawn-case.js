// Runs in a fresh Node process with 1000 fds open (none of them close-on-exec):
// spawnSync('true') from node:child_process (the child inherits all 1000) and
// from close-range/child_process (the child gets 0-2 only) take turns, in a
// new random order each round.
// argv: FILE ROUNDS WARMUP METHOD,METHOD... Prints one JSON line { methodId: [ns, ...] }.
import * as nodeChildProcess from 'node:child_process';
import { hrtime } from 'node:process';
import * as closeRangeChildProcess from 'close-range/child_process';
import { layoutFds, openLayout } from './fd-layout.js';
import { shuffled } from './shuffle.js';

const SPAWN_FDS = { base: 64, count: 1000, extra: -1 };

const [file, rounds, warmup, methodIds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5].split(',')];
openLayout(file, layoutFds(SPAWN_FDS));

const methods = [
  { id: 'node-spawnSync', run: () => nodeChildProcess.spawnSync('true') },
  { id: 'spawnSync', run: () => closeRangeChildProcess.spawnSync('true') },
].filter((method) => methodIds.includes(method.id));
const samples = Object.fromEntries(methods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (const method of shuffled(methods)) {
    const start = hrtime.bigint();
    const child = method.run();
    const elapsed = Number(hrtime.bigint() - start);
    if (child.status !== 0) throw new Error(`${method.id}('true') failed: ${child.error?.message ?? `status ${child.status}`}`);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
