// Node's owners, asked in this order: the first claim of an fd stands.
import type { FdOwner } from './owner.js';

export const NODE_OWNERS: readonly FdOwner[] = [];
