/**
 * Runs a node script as if started directly (`node peak.js SCRIPT ARGS…`) and, when the process
 * ends, prints its peak resident memory on stderr as "#peak BYTES" for the bench to read.
 */
import * as path from 'path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\n#peak ${process.resourceUsage().maxRSS * 1024}\n`));
require(path.resolve(script));
