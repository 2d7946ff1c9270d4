// Runs in a fresh Node process: node's own spawnSync (taken from the module
// object before registering) and the same function after close-range/register
// wrapped it take turns, in a new random order each round. No extra fds are
// open: the registered call pays only what registering adds, the spawn lock
// and one close_range(2) marking pass (koffi loads during the warm-up).
// argv: FILE ROUNDS WARMUP METHOD,METHOD... Prints one JSON line { methodId: [ns, ...] }.
import childProcess from 'node:child_process';
import { hrtime } from 'node:process';
import { shuffled } from './shuffle.js';

const [rounds, warmup, methodIds] = [Number(process.argv[3]), Number(process.argv[4]), process.argv[5].split(',')];
const nodeSpawnSync = childProcess.spawnSync;
await import('close-range/register');
if (childProcess.spawnSync === nodeSpawnSync) throw new Error('close-range/register did not wrap spawnSync');

const methods = [
  { id: 'node', run: () => nodeSpawnSync('true') },
  { id: 'registered', run: () => childProcess.spawnSync('true') },
].filter((method) => methodIds.includes(method.id));
const samples = Object.fromEntries(methods.map((method) => [method.id, []]));

for (let round = -warmup; round < rounds; round++) {
  for (const method of shuffled(methods)) {
    const start = hrtime.bigint();
    const child = method.run();
    const elapsed = Number(hrtime.bigint() - start);
    if (child.status !== 0) throw new Error(`${method.id} spawnSync('true') failed: ${child.error?.message ?? `status ${child.status}`}`);
    if (round >= 0) samples[method.id].push(elapsed);
  }
}

process.stdout.write(`${JSON.stringify(samples)}\n`);
