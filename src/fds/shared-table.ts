// Every thread of a process shares one descriptor table. The main thread's
// leak check sees workers it started as its own code's doing; a worker's
// check cannot tell its fds from the main thread's or another worker's (a
// test runner's threads pool: other test files, module loads, listings).
import { isMainThread } from 'node:worker_threads';

export const sharesTableWithOtherCode = (): boolean => !isMainThread;
