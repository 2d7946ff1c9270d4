// The ratios this project promises, computed from one run's medians.
const CLOSE_TARGETS = [
  { name: 'closeRange vs C close_range, 1000 fds', caseId: 'fds-1000', method: 'closeRange', reference: 'c-close-range', atMost: 1.25, aim: 1.1 },
  { name: 'closeRange vs C close_range, 4 fds', caseId: 'fds-4', method: 'closeRange', reference: 'c-close-range', atMost: 3, aim: 1.3 },
  { name: 'procfs fallback vs C /proc walk, 1000 fds', caseId: 'fds-1000', method: 'procfs', reference: 'c-proc-walk', atMost: 1.5 },
  { name: 'procfs fallback vs C /proc walk, 4 fds', caseId: 'fds-4', method: 'procfs', reference: 'c-proc-walk', atMost: 1.5 },
  { name: 'closeFrom(3) vs closeRange, 1000 fds', caseId: 'fds-1000', method: 'closeFrom', reference: 'closeRange', atMost: 2 },
  { name: 'closeFrom(3) vs closeRange, 4 fds', caseId: 'fds-4', method: 'closeFrom', reference: 'closeRange', atMost: 2 },
];

/**
 * [{ name, ratio, atMost | atLeast, aim?, met }] for every target whose two
 * rows were measured; ratio = the method's median / the reference's median.
 */
export function evaluateTargets(closeCases, extraRows) {
  const targets = [];
  for (const target of CLOSE_TARGETS) {
    const results = closeCases.find((c) => c.id === target.caseId)?.results;
    const measured = results?.[target.method];
    const reference = results?.[target.reference];
    if (measured && reference) targets.push(judged(target, measured.median / reference.median));
  }
  for (const group of extraRows) {
    for (const target of group.targets) {
      const measured = group.results[target.method];
      const reference = group.results[target.reference];
      if (measured && reference) targets.push(judged(target, measured.median / reference.median));
    }
  }
  return targets;
}

function judged({ name, atMost, atLeast, aim }, ratio) {
  const met = atMost !== undefined ? ratio <= atMost : ratio >= atLeast;
  return { name, ratio: Math.round(ratio * 100) / 100, ...(atMost !== undefined ? { atMost } : { atLeast }), ...(aim ? { aim } : {}), met };
}
