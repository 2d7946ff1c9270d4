// CLOSE_RANGE_TRACE=1 turns fd tracing on as the library loads, in every
// thread that loads it (workers inherit the environment).
import { enableFdTracing } from './enable.js';

const value = process.env.CLOSE_RANGE_TRACE;
if (value !== undefined && value !== '' && value !== '0' && value !== 'false') enableFdTracing();
