// What close-range/register costs a process: start-up (each sample a fresh
// process, timed by the parent) and a child start once the process is warm
// (each sample a fresh process reporting the median of its own calls). The
// methods take turns in shuffled rounds, as in the cold-start suite.
import { fileURLToPath } from 'node:url';

const spawnCase = fileURLToPath(new URL('register-spawn-case.js', import.meta.url));
const IMPORT = ['--import', 'close-range/register'];
const REQUIRE = ['--require', 'close-range/register'];

export const registerGroups = [
  {
    id: 'register-start',
    label: 'Registering: whole process, start to exit',
    description:
      'Each sample is one `node -e 0` started and waited for, run in the package folder. `--import` of an empty ' +
      "module is what Node's own ES module preloading costs; `require('node:child_process')` is what registering must " +
      'load to hook it, and any app that starts a child loads anyway.',
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
  },
  {
    id: 'register-spawn',
    label: "Registering: a warm spawnSync('true')",
    description:
      "Each sample is one fresh Node process that calls spawnSync('true') 10 times to warm up (the first loads " +
      'koffi), then times 50 calls and reports their median. No extra fds are open: the registered call pays only ' +
      'the spawn lock and one close_range(2) marking pass.',
    rounds: 30,
    warmup: 2,
    reference: 'node',
    methods: [
      { id: 'node', label: "node:child_process spawnSync('true')", command: [process.execPath, spawnCase, '50', '10'], reportsOwnTime: true },
      { id: 'import', label: "the same under --import close-range/register", command: [process.execPath, ...IMPORT, spawnCase, '50', '10'], reportsOwnTime: true },
    ],
    targets: [{ name: "registered spawnSync('true') vs node's", method: 'import', reference: 'node', atMost: 1.1 }],
  },
];
