// Colour only on a terminal, and never when NO_COLOR is set (no-color.org:
// any non-empty value) or the terminal says it cannot show any.
import { createRequire } from 'node:module';

// node:tty when a command first paints, not at start-up: loading it (node:net
// comes with it) took ~5 ms, which exec and --help never need.
const isatty = (fd: number): boolean =>
  (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);

export interface Paint {
  heading(text: string): string;
  warning(text: string): string;
}

const plain: Paint = { heading: (text) => text, warning: (text) => text };
const ansi: Paint = {
  heading: (text) => `\x1b[1m${text}\x1b[22m`,
  warning: (text) => `\x1b[33m${text}\x1b[39m`,
};

export function paintFor(fd: number, env: NodeJS.ProcessEnv = process.env): Paint {
  const wanted = isatty(fd) && !env.NO_COLOR && env.TERM !== 'dumb';
  return wanted ? ansi : plain;
}
