// CLOSE_RANGE_TRACE=1 turns fd tracing on as the library loads, in every
// thread that loads it (workers inherit the environment).
import { enableFdTracing } from './enable.js';

const value = readTraceVariable();
if (value !== undefined && value !== '' && value !== '0' && value !== 'false') enableFdTracing();

// Deno without --allow-env throws on reading the environment: then tracing stays off.
function readTraceVariable(): string | undefined {
  try {
    return process.env.CLOSE_RANGE_TRACE;
  } catch {
    return undefined;
  }
}
