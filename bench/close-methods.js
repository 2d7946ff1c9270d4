// The JavaScript ways of closing every open fd in lo..hi that the benchmark
// compares: this library's, and what a Node user writes today without it.
import { closeSync, readdirSync } from 'node:fs';
import { closeFrom, closeRange } from '../dist/index.js';

export const closeMethods = [
  { id: 'closeRange', label: 'closeRange(lo, hi)', run: (lo, hi) => closeRange(lo, hi) },
  { id: 'closeFrom', label: 'closeFrom(3)', run: () => closeFrom(3) },
  // CLOSE_RANGE_MECHANISM is read once per process: this one runs in its own.
  { id: 'procfs', label: 'closeRange(lo, hi), procfs walk forced', run: (lo, hi) => closeRange(lo, hi), mechanism: 'procfs' },
  { id: 'readdir-closeSync', label: "readdirSync('/proc/self/fd') + closeSync", run: closeListedFds },
  { id: 'closeSync-loop', label: 'closeSync(fd) for fd in lo..hi', run: closeEveryNumber },
];

function closeListedFds(lo, hi) {
  for (const name of readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    if (fd >= lo && fd <= hi) closeSync(fd);
  }
}

function closeEveryNumber(lo, hi) {
  for (let fd = lo; fd <= hi; fd++) {
    try {
      closeSync(fd);
    } catch {
      // EBADF: a hole in the range
    }
  }
}
