// Runs in a fresh Node process, registered or not: WARMUP spawnSync('true')
// calls, then ROUNDS timed ones; prints the median in nanoseconds. With no
// extra fds open, the registered call pays only what registering adds: the
// spawn lock and one close_range marking pass (the FFI loads during warm-up).
// argv: ROUNDS WARMUP
import { spawnSync } from 'node:child_process';
import { hrtime } from 'node:process';

const [rounds, warmup] = [Number(process.argv[2]), Number(process.argv[3])];
const samples = [];
for (let round = -warmup; round < rounds; round++) {
  const start = hrtime.bigint();
  const child = spawnSync('true');
  const elapsed = Number(hrtime.bigint() - start);
  if (child.status !== 0) throw new Error(`spawnSync('true') failed: ${child.error?.message ?? `status ${child.status}`}`);
  if (round >= 0) samples.push(elapsed);
}
samples.sort((a, b) => a - b);
process.stdout.write(`${samples[samples.length >> 1]}\n`);
