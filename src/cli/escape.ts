// A link target is a file name, which may hold any byte but '/' and NUL:
// printed raw, a newline forges a row of the table and an escape sequence
// reaches the terminal. Shown the way `ls -b` and lsof show them instead:
// \n \t \r, \\ for the backslash itself (so that the escapes cannot be
// forged either), \xNN for other control characters (C1 too), \uNNNN for the
// invisible ones above (bidi overrides, line separators).
const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
const UNPRINTABLE = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export const escapeForTerminal = (text: string): string => text.replace(UNPRINTABLE, (char) => NAMED[char] ?? codeEscape(char));

function codeEscape(char: string): string {
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

// JSON.stringify escapes only C0 controls, quotes and backslashes; DEL, C1
// controls and the invisible ones pass raw. As \uXXXX escapes the JSON still
// parses to the exact same strings, and is safe on a terminal too. The only
// raw newlines left are the indentation's own.
const RAW_IN_JSON = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export const toSafeJson = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (char) => (char === '\n' ? char : jsonEscape(char)));

// Per UTF-16 unit, as JSON wants a character beyond U+FFFF: a surrogate pair.
const jsonEscape = (char: string): string =>
  char.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
