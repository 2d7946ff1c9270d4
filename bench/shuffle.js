// Each round runs the methods in a fresh random order: a fixed order would
// always give a method the same predecessor, whose leftovers (caches, kernel
// work deferred from its closes) it would then always pay for.
export function shuffled(items) {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
