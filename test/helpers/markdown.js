// Reads Markdown the way a reader on GitHub sees it: code blocks, heading
// anchors, and the relative links that must lead somewhere.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const FENCE = /^```([\w-]*)\n([\s\S]*?)^```$/gm;

/** The fenced code blocks of `text`, in order: `{ lang, code }`. */
export function codeBlocks(text) {
  return [...text.matchAll(FENCE)].map(([, lang, code]) => ({ lang, code }));
}

const withoutCode = (text) => text.replace(FENCE, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
export function slug(heading) {
  const plain = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor the headings of `text` define; a repeated heading gets -1, -2... as on GitHub. */
export function anchors(text) {
  const seen = new Map();
  const result = new Set();
  for (const [, heading] of text.replace(FENCE, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The link and image targets of `text` outside code, external ones left out. */
export function relativeLinks(text) {
  const targets = [...withoutCode(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?: +"[^"]*")?\)/g)].map(([, target]) => target);
  return targets.filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

/** The links of Markdown file `file` that lead nowhere, as `'file: target (why)'`. */
export function brokenLinks(file) {
  const text = readFileSync(file, 'utf8');
  const problems = [];
  for (const target of relativeLinks(text)) {
    const [path, anchor] = target.split('#');
    const targetFile = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (!existsSync(targetFile)) {
      problems.push(`${file}: ${target} (no such file)`);
    } else if (anchor !== undefined && targetFile.endsWith('.md') && !anchors(readFileSync(targetFile, 'utf8')).has(anchor)) {
      problems.push(`${file}: ${target} (no such heading)`);
    }
  }
  return problems;
}
