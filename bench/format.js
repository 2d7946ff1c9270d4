// Number formatting shared by the terminal table and the Markdown page.

/** Microseconds with about three significant digits: 2.19, 40.3, 1,540. */
export function micros(value) {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

export const spread = ({ min, max }) => `${micros(min)} .. ${micros(max)}`;

export const times = (ratio) => `${ratio.toFixed(2)}x`;

export function ratioTo(results, referenceId, value) {
  const reference = results[referenceId];
  return reference ? times(value / reference.median) : '';
}

const addedMs = (ms) => `${ms < 0 ? '' : '+'}${ms.toFixed(2)} ms`;

export function targetLine(target) {
  if (target.addsAtMostMs !== undefined) {
    const [ratio, minRatio] = [addedMs(target.addedMs), addedMs(target.minAddedMs)];
    return { name: target.name, ratio, minRatio, target: `<= +${target.addsAtMostMs} ms`, verdict: target.met ? 'met' : 'MISSED' };
  }
  const bound = target.atMost !== undefined ? `<= ${target.atMost}x` : `>= ${target.atLeast}x`;
  const aim = target.aim ? ` (aim ${target.aim}x)` : '';
  return { name: target.name, ratio: times(target.ratio), minRatio: times(target.minRatio), target: `${bound}${aim}`, verdict: target.met ? 'met' : 'MISSED' };
}
