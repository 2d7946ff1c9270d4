// What the Bun and Deno ownership fixtures must show: exactly the fds the
// runtime was named the owner of survive the close, and the user's are closed.
import assert from 'node:assert/strict';
import { hasCloexec, openFds } from '../helpers/fds.js';

/** What every child of the test runner inherits (from whoever started it): the user's to the fixture, too. */
export const inheritedFromRunner = () => new Set(openFds().filter((fd) => fd > 2 && !hasCloexec(fd)).map(String));

const inRange = (fd, { first, last }) => fd >= first && fd <= last;

/** Every fd in the closed range that describeFds named one of `names` is still the same file; every other one is closed. */
export function assertSparedExactlyTheNamed({ owners, before, after, range }, names) {
  for (const [fd, target] of Object.entries(before)) {
    if (Number(fd) < 3 || !inRange(Number(fd), range) || owners[fd] === undefined) continue;
    if (names.includes(owners[fd])) assert.equal(after[fd], target, `fd ${fd} (${target}), named ${owners[fd]}, survived`);
    else assert.equal(after[fd], undefined, `fd ${fd} (${target}), owner ${owners[fd]}, was closed`);
  }
}

/** "<target> <owner>" for each fd >= 3 of `before` whose link target matches `pattern`, sorted. */
export const ownersOf = ({ owners, before }, pattern) =>
  Object.entries(before)
    .filter(([fd, target]) => Number(fd) > 2 && pattern.test(target))
    .map(([fd, target]) => `${target} ${owners[fd]}`)
    .sort();
