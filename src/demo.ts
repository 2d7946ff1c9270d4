// `npm start`: what this process holds, what a child inherits of it today,
// and what the same child inherits after cloexecFrom(3).
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { cloexecFrom, describeFds, type FdInfo } from './index.js';
import { O_RDONLY, libc } from './native/libc.js';

const leaked = libc().open('/etc/hostname', O_RDONLY, 0); // no O_CLOEXEC, like most C code

const row = (fd: string, kind: string, cloexec: string, target: string): string =>
  `  ${fd.padStart(9)}  ${kind.padEnd(9)}  ${cloexec.padEnd(13)}  ${target}`;

function showTable(fds: FdInfo[]): void {
  console.log(row('fd', 'kind', 'close-on-exec', 'target'));
  // Shown as one line: ~15 epoll, eventfd and pipe fds of Node's event loops.
  const runtime = fds.filter((info) => info.runtime && info.fd > 2);
  for (const info of fds.filter((fd) => !runtime.includes(fd))) {
    const note = info.fd === leaked ? '   <- opened without O_CLOEXEC' : '';
    console.log(row(String(info.fd), info.type, info.cloexec ? 'yes' : 'NO', info.target + note));
  }
  if (runtime.length === 0) return;
  const counts = new Map<string, number>();
  for (const { type } of runtime) counts.set(type, (counts.get(type) ?? 0) + 1);
  const kinds = [...counts].map(([kind, count]) => `${count} ${kind}`);
  console.log(row(spans(runtime.map((info) => info.fd)), 'runtime', 'yes', `Node's own: ${kinds.join(', ')}`));
}

/** `3-17,19`: runs of consecutive numbers. */
function spans(fds: number[]): string {
  const runs: number[][] = [];
  for (const fd of fds) {
    const last = runs.at(-1);
    if (last?.at(-1) === fd - 1) last!.push(fd);
    else runs.push([fd]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}-${run.at(-1)}` : `${run[0]}`)).join(',');
}

/** What a child started now really holds once it runs `sleep`: read from outside through its pid. */
async function childInherits(): Promise<string> {
  // LC_ALL=C: sleep then opens no locale files of its own while we look.
  const child = spawn('sleep', ['5'], { stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } });
  await delay(50); // past the dynamic loader, which opens and closes libraries
  const fds = describeFds({ pid: child.pid! });
  child.kill();
  return fds.map((info) => (info.fd <= 2 ? String(info.fd) : `${info.fd} ${info.target}`)).join('  ');
}

console.log('What this process holds right now (describeFds):');
showTable(describeFds());
console.log(`\nA child started with node:child_process inherits:\n  ${await childInherits()}`);
cloexecFrom(3);
console.log(`\nAfter cloexecFrom(3), the same child inherits:\n  ${await childInherits()}`);
