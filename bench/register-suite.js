// What close-range/register costs a process: its start-up (each sample a
// fresh process timed by the parent, the methods in shuffled rounds, as in the
// cold-start suite, once per Node) and a warm child start (node's spawnSync and the
// registered one taking turns in one process, as in the extra suite).
import { spawnSync } from 'node:child_process';
import { installedRuntime } from '../scripts/runtimes/install.js';

const IMPORT = ['--import', 'close-range/register'];
const REQUIRE = ['--require', 'close-range/register'];
// Node 22.15+ loads node:child_process only when the app asks for it; Node 20
// (no module.registerHooks) at start-up: each installed Node is measured.
const OTHER_NODES = ['node22', 'node24', 'node26'];

/** One start-up group for this Node, and one for each other Node that `npm run test:runtimes` installed. */
export function registerStartGroups() {
  const others = OTHER_NODES.map((id) => ({ id, binary: installedRuntime(id) })).filter(({ binary }) => binary !== undefined);
  return [registerStartGroup(process.execPath, ''), ...others.map(({ id, binary }) => registerStartGroup(binary, `-${id}`))];
}

function registerStartGroup(node, idSuffix) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    id: `register-start${idSuffix}`,
    label: `Registering: whole process, start to exit (Node ${version})`,
    description:
      'Each sample is one `node -e 0` started and waited for, run in the package folder, holding no inherited fd ' +
      "(the benchmark marks its own close-on-exec first). `--import` of an empty module is what Node's own ES " +
      "module preloading costs; `require('node:child_process')` is what any app that starts a child loads anyway, " +
      'and what registering loads at start-up where Node has no `module.registerHooks` (Node 20).',
    rounds: 40,
    warmup: 3,
    reference: 'node',
    methods: [
      { id: 'node', label: 'node -e 0', command: [node, '-e', '0'] },
      { id: 'child-process', label: "node -e \"require('node:child_process')\"", command: [node, '-e', "require('node:child_process')"] },
      { id: 'import-empty', label: 'node --import data:text/javascript, -e 0', command: [node, '--import', 'data:text/javascript,', '-e', '0'] },
      { id: 'import', label: 'node --import close-range/register -e 0', command: [node, ...IMPORT, '-e', '0'] },
      { id: 'require', label: 'node --require close-range/register -e 0', command: [node, ...REQUIRE, '-e', '0'] },
    ],
    targets: [
      { name: `--import close-range/register vs node -e 0, Node ${version}`, method: 'import', reference: 'node', addsAtMostMs: 2 },
      { name: `--require close-range/register vs node -e 0, Node ${version}`, method: 'require', reference: 'node', addsAtMostMs: 2 },
    ],
  };
}

export const registerSpawnGroup = {
  id: 'register-spawn',
  label: "Registering: a warm spawnSync('true')",
  description:
    "One Node process calls node's own spawnSync (taken before registering) and the registered one in turns, in a " +
    'new random order each round, with no extra fds open: the registered call pays the spawn lock and one ' +
    'close_range(2) marking pass. The time is the whole spawnSync call, until the child has exited.',
  script: 'register-spawn-case.js',
  rounds: 300,
  warmup: 10,
  reference: 'node',
  methods: [
    { id: 'node', label: "node:child_process spawnSync('true')" },
    { id: 'registered', label: "the same, under close-range/register" },
  ],
  targets: [{ name: "registered spawnSync('true') vs node's", method: 'registered', reference: 'node', atMost: 1.1 }],
};
