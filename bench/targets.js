// The ratios this project promises, computed from one run's medians.
const CLOSE_TARGETS = [
  { name: 'closeRange vs C close_range, 1000 fds', caseId: 'fds-1000', method: 'closeRange', reference: 'c-close-range', atMost: 1.15, aim: 1.1 },
  { name: 'closeRange vs C close_range, 4 fds', caseId: 'fds-4', method: 'closeRange', reference: 'c-close-range', atMost: 1.5, aim: 1.3 },
  { name: 'procfs fallback vs C /proc walk, 1000 fds', caseId: 'fds-1000', method: 'procfs', reference: 'c-proc-walk', atMost: 1.5 },
  { name: 'procfs fallback vs C /proc walk, 4 fds', caseId: 'fds-4', method: 'procfs', reference: 'c-proc-walk', atMost: 1.5 },
  { name: 'closeFrom(3) vs closeRange, 1000 fds', caseId: 'fds-1000', method: 'closeFrom', reference: 'closeRange', atMost: 1.2 },
  { name: 'closeFrom(3) vs closeRange, 4 fds', caseId: 'fds-4', method: 'closeFrom', reference: 'closeRange', atMost: 2 },
];

/**
 * [{ name, ratio, minRatio, atMost | atLeast, aim?, met }] for every target
 * whose two rows were measured; ratio = the method's median / the reference's
 * median, minRatio the same for the minima.
 */
export function evaluateTargets(closeCases, extraRows) {
  const targets = [];
  for (const target of CLOSE_TARGETS) {
    const results = closeCases.find((c) => c.id === target.caseId)?.results;
    const measured = results?.[target.method];
    const reference = results?.[target.reference];
    if (measured && reference) targets.push(judged(target, measured, reference));
  }
  for (const group of extraRows) {
    for (const target of group.targets) {
      const measured = group.results[target.method];
      const reference = group.results[target.reference];
      if (measured && reference) targets.push(judged(target, measured, reference));
    }
  }
  return targets;
}

// The ratio of the minima is shown beside it: on a busy machine it is the
// steadier estimate of what each method costs by itself.
function judged({ name, atMost, atLeast, aim, addsAtMostMs }, measured, reference) {
  if (addsAtMostMs !== undefined) return judgedAddition(name, addsAtMostMs, measured, reference);
  const ratio = measured.median / reference.median;
  const met = atMost !== undefined ? ratio <= atMost : ratio >= atLeast;
  const bound = atMost !== undefined ? { atMost } : { atLeast };
  return { name, ratio: round(ratio), minRatio: round(measured.min / reference.min), ...bound, ...(aim ? { aim } : {}), met };
}

// A bound on the time added (start-up), in milliseconds: results are in microseconds.
function judgedAddition(name, addsAtMostMs, measured, reference) {
  const addedMs = (measured.median - reference.median) / 1000;
  const ratios = { ratio: round(measured.median / reference.median), minRatio: round(measured.min / reference.min) };
  return { name, addedMs: round(addedMs), minAddedMs: round((measured.min - reference.min) / 1000), ...ratios, addsAtMostMs, met: addedMs <= addsAtMostMs };
}

const round = (value) => Math.round(value * 100) / 100;
