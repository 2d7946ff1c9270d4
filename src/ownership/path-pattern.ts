// Paths of files a runtime component names from its options, as patterns
// over /proc/self/fd link targets (which are always absolute).
import { normalize } from 'node:path';

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The link target of a file named by `name` (a RegExp source) in `directory`.
 * A relative directory is matched at the end of the path: it was resolved
 * against the working directory of the moment the file opened, which the
 * process may have left since (and one that climbs with `..` is left out).
 */
export function inDirectory(directory: string, name: string): RegExp {
  const normalized = normalize(directory).replace(/\/+$/, '');
  if (directory.startsWith('/')) return new RegExp(`^${escapeRegExp(normalized)}/${name}$`);
  if (normalized === '.' || normalized === '' || normalized.startsWith('..')) return new RegExp(`/${name}$`);
  return new RegExp(`/${escapeRegExp(normalized)}/${name}$`);
}

/** `path` split at its last slash: [directory ('.' when none), base name]. */
export function splitPath(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? ['.', path] : [path.slice(0, slash) || '/', path.slice(slash + 1)];
}
