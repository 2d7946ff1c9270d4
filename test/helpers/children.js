// This process's own children, found through the parent pid in /proc/PID/stat
// (children of worker threads included: they share the process's pid).
import { readFileSync, readdirSync } from 'node:fs';

/** The pids of this process's children whose command is `command` (as /proc/PID/comm has it). */
export function childPidsRunning(command) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      const stat = readProc(pid, 'stat');
      // "PID (comm) STATE PPID ...": comm may hold spaces and parentheses.
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      return ppid === String(process.pid) && readProc(pid, 'comm') === `${command}\n`;
    })
    .map(Number);
}

function readProc(pid, name) {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return ''; // exited meanwhile
  }
}
