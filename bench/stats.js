// Medians and extremes of nanosecond samples, reported in microseconds.

/** { median, min, max } in microseconds, and how many samples. */
export function summarize(samplesNs) {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: median / 1000, min: sorted[0] / 1000, max: sorted.at(-1) / 1000, n: sorted.length };
}
