// A log-log line chart as a standalone SVG string: no browser, no plotting library.

const WIDTH = 870;
const HEIGHT = 500;
const PLOT = { left: 72, right: 540, top: 48, bottom: 440 };
const LEGEND_X = 560;

/** Maps value to a position between range[0] and range[1], logarithmically over domain. */
export function logScale([low, high], [from, to]) {
  const span = Math.log10(high) - Math.log10(low);
  return (value) => from + ((Math.log10(value) - Math.log10(low)) / span) * (to - from);
}

/** The smallest whole-decade interval [10^a, 10^b] holding every value (a < b). */
export function decadeDomain(values) {
  const low = Math.floor(Math.log10(Math.min(...values)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...values))));
  return [10 ** low, 10 ** high];
}

/**
 * series: [{ label, color, dashed, points: [{ x, y }] }], x and y > 0.
 * Each point is drawn as a circle joined to the next by the series' line.
 */
export function renderLogLogChart({ title, xLabel, yLabel, series }) {
  const points = series.flatMap((s) => s.points);
  const xDomain = decadeDomain(points.map((p) => p.x));
  const yDomain = decadeDomain(points.map((p) => p.y));
  const x = logScale(xDomain, [PLOT.left, PLOT.right]);
  const y = logScale(yDomain, [PLOT.bottom, PLOT.top]);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${PLOT.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...decades(xDomain).map((value) => verticalGridLine(x(value), value)),
    ...decades(yDomain).map((value) => horizontalGridLine(y(value), value)),
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#333"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 18}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    ...series.flatMap((s, index) => drawSeries(s, index, x, y)),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

function drawSeries({ label, color, dashed, points }, index, x, y) {
  const dash = dashed ? ' stroke-dasharray="6 4"' : '';
  const path = points.map((p) => `${round(x(p.x))},${round(y(p.y))}`).join(' ');
  const legendY = PLOT.top + 8 + index * 22;
  return [
    `<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`,
    ...points.map((p) => `<circle cx="${round(x(p.x))}" cy="${round(y(p.y))}" r="3.5" fill="${color}"><title>${escapeXml(label)}: ${p.y} at ${p.x}</title></circle>`),
    `<line x1="${LEGEND_X}" y1="${legendY}" x2="${LEGEND_X + 28}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`,
    `<circle cx="${LEGEND_X + 14}" cy="${legendY}" r="3.5" fill="${color}"/>`,
    `<text x="${LEGEND_X + 36}" y="${legendY + 4}">${escapeXml(label)}</text>`,
  ];
}

function verticalGridLine(position, value) {
  const at = round(position);
  return `<line x1="${at}" y1="${PLOT.top}" x2="${at}" y2="${PLOT.bottom}" stroke="#ddd"/>\n<text x="${at}" y="${PLOT.bottom + 18}" text-anchor="middle">${formatDecade(value)}</text>`;
}

function horizontalGridLine(position, value) {
  const at = round(position);
  return `<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.right}" y2="${at}" stroke="#ddd"/>\n<text x="${PLOT.left - 8}" y="${at + 4}" text-anchor="end">${formatDecade(value)}</text>`;
}

function decades([low, high]) {
  const values = [];
  for (let exponent = Math.round(Math.log10(low)); exponent <= Math.round(Math.log10(high)); exponent++) values.push(10 ** exponent);
  return values;
}

function formatDecade(value) {
  return value >= 1 ? value.toLocaleString('en-US') : String(Number(value.toPrecision(1)));
}

const round = (value) => Math.round(value * 10) / 10;

function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
