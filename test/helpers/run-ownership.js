// Runs an ownership fixture the way a shell starts a program: with fds
// inherited below 16 (which Node marks close-on-exec at start-up), above
// 15, and after a gap. Runs are asynchronous, two at a time (the machine has
// two cores), so that a test file can start all its scenarios at once.
import { spawn } from 'node:child_process';
import { fixturePath } from './run-fixture.js';

/** The fds the shell passes, by what they are. */
export const INHERITED = { 3: 'read-only /dev/null', 4: 'pipe', 14: 'read-only /', 20: 'read-only /dev/null', 40: 'regular file' };
const REDIRECTIONS = '3</dev/null 4< <(echo inherited) 14</ 20</dev/null 40<"$file"';
const AT_ONCE = 2;
// Each run takes about a second; the limit only turns a hang into a failure.
const TIMEOUT_MS = 90_000;

let running = 0;
const waiting = [];

/** Runs fixture `name` under bash with INHERITED open; resolves to { status, signal, stdout, stderr, result }. */
export function runInShell(name, args, env = process.env) {
  return new Promise((resolve) => {
    waiting.push(() => start(name, args, env).then(resolve));
    startNext();
  });
}

function startNext() {
  if (running >= AT_ONCE || waiting.length === 0) return;
  running++;
  waiting.shift()().finally(() => {
    running--;
    startNext();
  });
}

async function start(name, args, env) {
  const fixture = fixturePath(name);
  const script = `file=$1; shift; exec "$@" ${REDIRECTIONS}`;
  const child = spawn('/bin/bash', ['-c', script, 'bash', fixture, process.execPath, fixture, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [status, signal] = await new Promise((resolve) => child.on('close', (...outcome) => resolve(outcome)));
  clearTimeout(timer);
  let result;
  try {
    result = JSON.parse(stdout.trim().split('\n').at(-1));
  } catch {
    result = undefined;
  }
  return { status, signal, stdout, stderr, result };
}
