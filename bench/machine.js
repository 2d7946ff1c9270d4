// What the numbers were measured on: they only mean something next to this.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';

export function describeMachine(versions) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const cores = cpus().length;
  const glibc = process.report.getReport().header.glibcVersionRuntime ?? 'not glibc';
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    kernel: release(),
    glibc,
    cpu,
    cores,
    rlimitNofile: openFilesLimit(),
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    cc: versions.cc ?? null,
    python: versions.python ?? null,
  };
  machine.summary = `Node ${machine.node}, Linux ${machine.kernel}, glibc ${glibc}, ${cores} x ${cpu}, load ${machine.loadAverageAtStart[0]}`;
  return machine;
}

function openFilesLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((text) => text.startsWith('Max open files'));
  return line ? Number(line.split(/\s+/)[3]) : null;
}
