// What each labelled fd of an ownership scenario must become after a close
// without beforeExec, and a sentence for each fd that did otherwise.

/** The owner each runtime handle's fds must carry; labels from fixtures/ownership-runtime.js. */
const RUNTIME_OWNERS = {
  'runtime:epoll': 'node:epoll',
  'busy:server': 'node:tcp',
  'busy:client': 'node:tcp',
  'busy:accepted': 'node:tcp',
  'busy:child-stdin': 'node:pipe',
  'busy:child-stdout': 'node:pipe',
  'busy:child-stderr': 'node:pipe',
  'busy:fs.watch': 'node:inotify',
  'inflight:file': 'node:threadpool',
  'held:filehandle': 'node:filehandle',
  'held:read-stream': 'node:fs-stream',
  'held:write-stream': 'node:fs-stream',
};

// While another thread may be opening files (async fs is in flight), the
// guard spares close-on-exec files opened by path: it cannot tell them from
// one that thread holds. While a worker lives, also the close-on-exec kinds
// a worker's loop and handles have (docs/runtime-guard.md#limits).
const SPARABLE = {
  'busy+worker': (target) => /^(\/|pipe:|socket:|anon_inode:)/.test(target),
  'busy+fs-in-flight': (target) => target.startsWith('/'),
};
const FILE_OWNERS = new Set(['node:threadpool', 'worker']);

const show = (owner) => (owner === undefined ? 'not asked' : JSON.stringify(owner));

function describe(entry) {
  const reused = entry.numberReusedBy && ` (its number reused by ${entry.numberReusedBy.target}, owner ${show(entry.numberReusedBy.owner)})`;
  const was = entry.open ? `left open, owner ${show(entry.ownerAfter)}` : `closed${reused ?? ''}`;
  const before = 'ownerBefore' in entry ? `, owner before ${show(entry.ownerBefore)}` : '';
  return `fd ${entry.fd} ${entry.label ?? '(unlabelled)'} (${entry.target}${entry.cloexec ? ', cloexec' : ''}): ${was}${before}`;
}

/** The user's fds (label prefix `prefix`) that the close did not close with owner null, each as a sentence. */
export function userFdsNotClosed(result, prefix, scenario) {
  const wrong = [];
  for (const entry of result.fds.filter(({ label }) => label?.startsWith(prefix))) {
    const sparedAsFile = entry.cloexec && (SPARABLE[scenario]?.(entry.target) ?? false);
    if (sparedAsFile && entry.open && FILE_OWNERS.has(entry.ownerAfter)) continue;
    const ownerBeforeRight = !('ownerBefore' in entry) || entry.ownerBefore === null || (sparedAsFile && FILE_OWNERS.has(entry.ownerBefore));
    if (!entry.open && ownerBeforeRight) continue;
    wrong.push(`${describe(entry)}; expected closed, owner null${sparedAsFile ? ` (or spared, owner one of ${[...FILE_OWNERS]})` : ''}`);
  }
  return wrong;
}

/** The labelled runtime fds (those `labelled` picks) that were closed or carry another owner than theirs, each as a sentence. */
export function runtimeFdsNotSpared(result, labelled = () => true) {
  const wrong = [];
  for (const entry of result.fds.filter(({ label }) => label !== null && labelled(label))) {
    const owner = RUNTIME_OWNERS[entry.label] ?? (entry.label === 'worker:started' ? 'any' : undefined);
    if (owner === undefined) continue;
    const rightOwner = owner === 'any' ? entry.ownerAfter !== null : entry.ownerAfter === owner;
    if (entry.open && rightOwner) continue;
    wrong.push(`${describe(entry)}; expected left open, owner ${owner === 'any' ? 'not null' : JSON.stringify(owner)}`);
  }
  return wrong;
}

/** Every fd >= 3 open after the close, with a null (or no) owner. */
export function openFdsWithoutOwner(result) {
  const left = result.fds.filter((entry) => entry.open && (entry.ownerAfter === null || typeof entry.ownerAfter !== 'string' || entry.ownerAfter.startsWith('(')));
  const reused = result.fds.filter((entry) => entry.numberReusedBy).map(({ fd, numberReusedBy }) => ({ fd, ...numberReusedBy }));
  const appeared = [...result.appeared, ...reused].filter(({ owner }) => typeof owner !== 'string' || owner.startsWith('('));
  return [...left.map(describe), ...appeared.map(({ fd, target, owner }) => `fd ${fd} (${target}), opened during the close: owner ${show(owner)}`)];
}

/** Every fd the close closed that describeFd had named an owner for just before. */
export function closedFdsWithOwner(result) {
  return result.fds.filter((entry) => !entry.open && entry.ownerBefore !== null).map(describe);
}

// util.debuglog('close-range') lines, as NODE_DEBUG=close-range prints them.
const SPARED_LINE = /^CLOSE-RANGE \d+: spared fd (\d+) \((.+)\)$/gm;

/** Mismatches between the spared fds NODE_DEBUG=close-range printed and what the close really did. */
export function debugLinesWrong(result, stderr) {
  const printed = new Map();
  for (const [, fd, owner] of stderr.matchAll(SPARED_LINE)) {
    if (!printed.has(Number(fd))) printed.set(Number(fd), new Set());
    printed.get(Number(fd)).add(owner);
  }
  const wrong = [];
  for (const entry of result.fds) {
    const owners = printed.get(entry.fd);
    if (entry.open && !owners?.has(entry.ownerAfter)) wrong.push(`${describe(entry)}; printed ${owners ? [...owners].join(', ') : 'no line'}`);
    if (!entry.open && owners) wrong.push(`${describe(entry)}; printed as spared (${[...owners].join(', ')})`);
  }
  return wrong;
}

/** What each feature check of fixtures/ownership-runtime.js gives when the feature works. */
export function expectedChecks(scenario) {
  const checks = {
    timer: 'fired', fsSync: 'sync', fsAsync: 'sync', spawn: 'spawned, sync', serverAccepts: 'ping', signal: 'handled', worker: 42,
    fileHandle: 'content\n', readStream: 'content\n', writeStream: 'written',
  };
  if (scenario === 'idle' || scenario === 'just-awaited') return checks;
  Object.assign(checks, { connectedClient: 'hello', childPipes: 'through cat', fsWatch: 'changed' });
  if (scenario === 'busy+fs-in-flight') checks.readsInFlight = Array(8).fill(true);
  return checks;
}
