// node:util through require(), never `import ... from 'node:util'`: on Node 22+
// building that ES module namespace reads util.diff, which creates
// process.stderr, and with it libuv's reserve fd, in a process that may never
// write to stderr (and whose fds the caller may be counting).
import { createRequire } from 'node:module';

export const util = createRequire(import.meta.url)('node:util') as typeof import('node:util');
