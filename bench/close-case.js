// Runs in a fresh Node process per case and batch: the chosen JavaScript close
// methods take turns (in a new random order each round), each on freshly
// opened fds. Arguments as bench/c/close-bench.c, then the method ids:
// FILE BASE COUNT EXTRA ROUNDS WARMUP METHOD,METHOD...
// Prints one JSON line { methodId: [ns, ...] }.
import { hrtime } from 'node:process';
import { probe } from '../dist/index.js';
import { closeMethods } from './close-methods.js';
import { assertLayoutClosed, layoutFds, openLayout } from './fd-layout.js';
import { shuffled } from './shuffle.js';

const [file, base, count, extra, rounds, warmup] = process.argv.slice(2, 8).map((value, index) => (index === 0 ? value : Number(value)));
const methodIds = process.argv[8].split(',');
const methods = closeMethods.filter((method) => methodIds.includes(method.id));
for (const { label, mechanism } of methods) {
  if (mechanism && probe().mechanism !== mechanism) throw new Error(`${label}: the chain does not start at ${mechanism} here`);
}
const fds = layoutFds({ base, count, extra });
const lo = fds[0];
const hi = fds.at(-1);
const samples = Object.fromEntries(methods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (const method of shuffled(methods)) {
    openLayout(file, fds);
    const start = hrtime.bigint();
    method.run(lo, hi);
    const elapsed = Number(hrtime.bigint() - start);
    assertLayoutClosed(fds, method.label);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
