// What close-range/register costs a process: its start-up (each sample a
// fresh process timed by the parent, the methods in shuffled rounds, as in the
// cold-start suite) and a warm child start (node's spawnSync and the
// registered one taking turns in one process, as in the extra suite).
const IMPORT = ['--import', 'close-range/register'];
const REQUIRE = ['--require', 'close-range/register'];

export const registerStartGroup = {
  id: 'register-start',
  label: 'Registering: whole process, start to exit',
  description:
    'Each sample is one `node -e 0` started and waited for, run in the package folder. `--import` of an empty ' +
    "module is what Node's own ES module preloading costs; `require('node:child_process')` is what registering must " +
    'load to hook it, and what any app that starts a child loads anyway.',
  rounds: 40,
  warmup: 3,
  reference: 'node',
  methods: [
    { id: 'node', label: 'node -e 0', command: [process.execPath, '-e', '0'] },
    { id: 'child-process', label: "node -e \"require('node:child_process')\"", command: [process.execPath, '-e', "require('node:child_process')"] },
    { id: 'import-empty', label: 'node --import data:text/javascript, -e 0', command: [process.execPath, '--import', 'data:text/javascript,', '-e', '0'] },
    { id: 'import', label: 'node --import close-range/register -e 0', command: [process.execPath, ...IMPORT, '-e', '0'] },
    { id: 'require', label: 'node --require close-range/register -e 0', command: [process.execPath, ...REQUIRE, '-e', '0'] },
  ],
  targets: [
    { name: '--import close-range/register vs node -e 0', method: 'import', reference: 'node', addsAtMostMs: 2 },
    { name: '--require close-range/register vs node -e 0', method: 'require', reference: 'node', addsAtMostMs: 2 },
  ],
};

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
