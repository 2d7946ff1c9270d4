// The plain-text report printed at the end of `npm run bench`.
import { micros, ratioTo, spread, targetLine } from './format.js';

export function textReport(report) {
  const lines = [
    '',
    `close-range benchmark: ${report.machine.summary}`,
    'Closing every open fd in lo..hi (a regular file opened read-only, without O_CLOEXEC, at each fd).',
    'Times in microseconds: median and min .. max over all rounds.',
  ];
  for (const closeCase of report.close) {
    const patch = closeCase.patch ? `   [the patch: walk ~${closeCase.patch.walk} us, close_range ~${closeCase.patch.closeRange} us]` : '';
    lines.push('', `${closeCase.label}, fds ${closeCase.range[0]}..${closeCase.range[1]}${patch}`);
    lines.push(row(['method', 'runs in', 'median', 'min .. max', 'x C close_range', 'x C walk']));
    for (const result of Object.values(closeCase.results)) {
      lines.push(row([result.label, result.runsIn, micros(result.median), spread(result), ratioTo(closeCase.results, 'c-close-range', result.median), ratioTo(closeCase.results, 'c-proc-walk', result.median)]));
    }
  }
  for (const group of report.extra) {
    lines.push('', `${group.label}; ratios to ${group.results[group.reference].label}`);
    lines.push(row(['method', 'runs in', 'median', 'min .. max', 'ratio', '']));
    for (const result of Object.values(group.results)) {
      lines.push(row([result.label, result.runsIn, micros(result.median), spread(result), ratioTo(group.results, group.reference, result.median), '']));
    }
  }
  if (report.targets.length > 0) {
    lines.push('', 'Targets: ratio (or time added) of medians (of minima)');
    for (const target of report.targets.map(targetLine)) {
      lines.push(`  ${target.name.padEnd(50)} ${target.ratio.padStart(8)} (${target.minRatio.padStart(7)})   ${target.target.padEnd(20)} ${target.verdict}`);
    }
  }
  for (const note of report.skipped) lines.push('', note);
  return `${lines.join('\n')}\n`;
}

const WIDTHS = [52, 8, 10, 20, 16, 10];

function row(cells) {
  return `  ${cells.map((cell, index) => (index === 0 || index === 1 ? cell.padEnd(WIDTHS[index]) : cell.padStart(WIDTHS[index]))).join(' ')}`.trimEnd();
}
