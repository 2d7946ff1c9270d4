import { probe as probeKernel, type ProbeResult } from '../../index.js';
import { paintFor } from '../colour.js';
import { toSafeJson } from '../escape.js';
import { EXIT_OK } from '../exit-status.js';

// What an error code means for each question probe() asks the kernel.
const CLOSE_RANGE_ERRORS: Record<string, string> = {
  ENOSYS: 'not in this kernel (before Linux 5.9), or hidden by a seccomp filter',
  EPERM: 'refused, typically by a container\'s seccomp profile',
};
const CLOEXEC_ERRORS: Record<string, string> = {
  EINVAL: 'flag unknown to this kernel (Linux 5.9 and 5.10)',
};

export function probe({ json }: { json: boolean }): number {
  const result = probeKernel();
  process.stdout.write(json ? `${toSafeJson(result)}\n` : formatProbe(result));
  return EXIT_OK;
}

const OWNERSHIP: Record<ProbeResult['ownership'], string> = {
  libuv: "libuv: asking Node's event loop and handles",
  'by-type': "their kind: Node's loop could not be asked here",
  bun: "Bun's rule",
  deno: "Deno's rule",
};

function formatProbe(result: ProbeResult): string {
  const paint = paintFor(1);
  const rows: Array<[string, string]> = [
    ['kernel', `Linux ${result.kernel}`],
    ['close_range(2)', answer(result.closeRangeError, CLOSE_RANGE_ERRORS)],
    ['CLOSE_RANGE_CLOEXEC', result.closeRange ? answer(result.cloexecError, CLOEXEC_ERRORS) : 'no: close_range(2) itself fails'],
    ['CLOSE_RANGE_UNSHARE', result.unshare ? 'works' : 'no: neither close_range(2) nor unshare(2) is allowed'],
    ['procfs', result.procfs ? 'works: /proc/thread-self/fd can be walked' : 'no: /proc is not procfs here'],
    ['closing uses', result.mechanism],
    ['close-on-exec uses', result.cloexecMechanism],
    ['runtime fds known by', OWNERSHIP[result.ownership]],
  ];
  if (result.forced) rows.push(['forced by', `CLOSE_RANGE_MECHANISM=${result.forced}`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${paint.heading(label.padEnd(width))}  ${value}`);
  return `${lines.join('\n')}\nwhy: ${result.reason}\n`;
}

function answer(error: string | null, meanings: Record<string, string>): string {
  if (error === null) return 'works';
  return `no: ${error}${meanings[error] ? `, ${meanings[error]}` : ''}`;
}
