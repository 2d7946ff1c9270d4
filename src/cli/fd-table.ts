// The FD TYPE ACCESS CLOEXEC TARGET table: columns padded on the plain text,
// so that colour never shifts them.
import type { Paint } from './colour.js';

export interface FdRow {
  fd: number;
  type: string;
  access: string;
  cloexec: boolean;
  target: string;
}

const HEADINGS = ['FD', 'TYPE', 'ACCESS', 'CLOEXEC', 'TARGET'] as const;

export function formatFdTable(rows: readonly FdRow[], paint: Paint): string {
  const cells = rows.map((row) => [String(row.fd), row.type, row.access, row.cloexec ? 'yes' : 'no', row.target]);
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...cells.map((line) => line[column]!.length)));
  const layout = (line: readonly string[]) =>
    line.map((cell, column) => {
      if (column === line.length - 1) return cell;
      return column === 0 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!);
    });
  const lines = [paint.heading(layout(HEADINGS).join('  ').trimEnd())];
  rows.forEach((row, index) => {
    const line = layout(cells[index]!);
    // An fd >= 3 without close-on-exec reaches every child: the leak to notice.
    if (row.fd >= 3 && !row.cloexec) line[3] = paint.warning(line[3]!);
    lines.push(line.join('  '));
  });
  return `${lines.join('\n')}\n`;
}
