// `npm start`: what leaks into a child today, and the same child after cloexecFrom().
import { execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { cloexecFrom } from './index.js';
import { FD_CLOEXEC, F_GETFD, O_RDONLY, libc } from './native/libc.js';

const leaked = libc().open('/etc/hostname', O_RDONLY, 0); // no O_CLOEXEC, like most C code
const childFds = (): string => execFileSync('ls', ['-l', '/proc/self/fd'], { encoding: 'utf8' });

console.log('This process holds:');
for (const name of readdirSync('/proc/self/fd')) {
  const fd = Number(name);
  const flags = libc().fcntl(fd, F_GETFD, 0);
  if (flags < 0) continue;
  console.log(`  ${String(fd).padStart(4)}  ${(flags & FD_CLOEXEC ? 'cloexec' : 'INHERITED').padEnd(9)}  ${readlinkSync(`/proc/self/fd/${fd}`)}`);
}
console.log(`\nA child started with node:child_process sees (fd ${leaked} leaked in):\n${childFds()}`);
cloexecFrom(3);
console.log(`After cloexecFrom(3), the same child sees:\n${childFds()}`);
