// Runs in a fresh Node process with 1000 fds open: listFds(), describeFds()
// and the lsof npm package (which runs `lsof -p PID` through a shell and
// parses its columns) take turns, in a new random order each round.
// argv: FILE ROUNDS WARMUP METHOD,METHOD... Prints one JSON line { methodId: [ns, ...] }.
import { hrtime } from 'node:process';
import lsof from 'lsof';
import { describeFds, listFds } from '../dist/index.js';
import { layoutFds, openLayout } from './fd-layout.js';
import { shuffled } from './shuffle.js';

const SEEING_FDS = { base: 64, count: 1000, extra: -1 };

const [file, rounds, warmup, methodIds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5].split(',')];
const fds = layoutFds(SEEING_FDS);
openLayout(file, fds);

// Each answer is checked, so that no method is timed doing less than the others.
const methods = [
  { id: 'listFds', run: async () => listFds(), count: (fdNumbers) => fdNumbers.filter((fd) => fd >= fds[0]).length },
  { id: 'describeFds', run: async () => describeFds(), count: (infos) => infos.filter((info) => info.fd >= fds[0]).length },
  { id: 'lsof', run: () => new Promise((resolve) => lsof.raw(resolve)), count: (rows) => rows.filter((row) => Number.parseInt(row.fd, 10) >= fds[0]).length },
].filter((method) => methodIds.includes(method.id));
const samples = Object.fromEntries(methods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (const method of shuffled(methods)) {
    const start = hrtime.bigint();
    const answer = await method.run();
    const elapsed = Number(hrtime.bigint() - start);
    const seen = method.count(answer);
    if (seen < fds.length) throw new Error(`${method.id} saw ${seen} of the ${fds.length} fds from ${fds[0]} up`);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
