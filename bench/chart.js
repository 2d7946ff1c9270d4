// The picture: median cost against the number of open fds, one line per method.
import { renderLogLogChart } from './svg.js';

// The references are dashed; this library's methods are the saturated colours.
const STYLE = {
  closeRange: { color: '#d62728' },
  closeFrom: { color: '#ff7f0e' },
  procfs: { color: '#9467bd' },
  'readdir-closeSync': { color: '#8c564b' },
  'closeSync-loop': { color: '#e377c2' },
  'c-close-range': { color: '#1f77b4', dashed: true },
  'c-proc-walk': { color: '#2ca02c', dashed: true },
  'python-closerange': { color: '#7f7f7f', dashed: true },
};

export function closeChart(report) {
  const sweep = report.close.filter((c) => c.sweep);
  const ids = Object.keys(sweep[0]?.results ?? {});
  const series = ids.map((id) => ({
    label: sweep[0].results[id].label,
    ...(STYLE[id] ?? { color: '#000' }),
    points: sweep.map((c) => ({ x: c.openFds, y: c.results[id].median })),
  }));
  return renderLogLogChart({
    title: `Closing every open fd in a range (median; Node ${report.machine.node}, Linux ${report.machine.kernel})`,
    xLabel: 'open fds in the range',
    yLabel: 'microseconds (median)',
    series,
  });
}
