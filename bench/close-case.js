// Runs in a fresh Node process per case and batch: every JavaScript close
// method in turn (the order rotates each round) on the same freshly opened fds.
// Arguments as bench/c/close-bench.c: FILE BASE COUNT EXTRA ROUNDS WARMUP.
// Prints one JSON line { methodId: [ns, ...] }.
import { hrtime } from 'node:process';
import { closeMethods } from './close-methods.js';
import { assertLayoutClosed, layoutFds, openLayout } from './fd-layout.js';

const [file, ...numbers] = process.argv.slice(2);
const [base, count, extra, rounds, warmup] = numbers.map(Number);
const fds = layoutFds({ base, count, extra });
const lo = fds[0];
const hi = fds.at(-1);
const samples = Object.fromEntries(closeMethods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (let k = 0; k < closeMethods.length; k++) {
    const method = closeMethods[(round + warmup + k) % closeMethods.length];
    openLayout(file, fds);
    const start = hrtime.bigint();
    method.run(lo, hi);
    const elapsed = Number(hrtime.bigint() - start);
    assertLayoutClosed(fds, method.label);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
