// Node's owners, asked in this order: the first claim of an fd stands.
import { inspectorOwner } from './inspector.js';
import type { FdOwner } from './owner.js';
import { traceEventsOwner } from './trace-events.js';
import { v8FilesOwner } from './v8-files.js';

export const NODE_OWNERS: readonly FdOwner[] = [
  v8FilesOwner,
  traceEventsOwner,
  inspectorOwner,
];
