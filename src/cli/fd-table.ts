// The FD TYPE ACCESS CLOEXEC TARGET table: columns padded on the plain text,
// so that colour never shifts them.
import type { SocketInfo } from '../index.js';
import type { Paint } from './colour.js';
import { escapeForTerminal } from './escape.js';
import { socketName } from './socket-name.js';

/** null: unknown (another process's fdinfo could not be read), shown as `?`. */
export interface FdRow {
  fd: number;
  type: string;
  access: string | null;
  cloexec: boolean | null;
  target: string;
  socket?: SocketInfo;
}

const UNKNOWN = '?';

const HEADINGS = ['FD', 'TYPE', 'ACCESS', 'CLOEXEC', 'TARGET'];
const CLOEXEC_COLUMN = 3;

export function formatFdTable(rows: readonly FdRow[], paint: Paint): string {
  const cells = rows.map((row) => [
    String(row.fd),
    row.type,
    row.access ?? UNKNOWN,
    row.cloexec === null ? UNKNOWN : row.cloexec ? 'yes' : 'no',
    escapeForTerminal((row.socket && socketName(row.socket)) ?? row.target),
  ]);
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...cells.map((line) => line[column]!.length)));
  const layout = (line: readonly string[], colour: (text: string, column: number) => string) =>
    line
      .map((cell, column) => {
        const padding = ' '.repeat(column === line.length - 1 ? 0 : widths[column]! - cell.length);
        // Numbers align right, text left.
        return column === 0 ? padding + colour(cell, column) : colour(cell, column) + padding;
      })
      .join('  ');
  const lines = [paint.heading(layout(HEADINGS, (text) => text))];
  rows.forEach((row, index) => {
    // An fd >= 3 without close-on-exec reaches every child: the leak to notice.
    const leaks = row.fd >= 3 && row.cloexec === false;
    lines.push(layout(cells[index]!, (text, column) => (leaks && column === CLOEXEC_COLUMN ? paint.warning(text) : text)));
  });
  return `${lines.join('\n')}\n`;
}
