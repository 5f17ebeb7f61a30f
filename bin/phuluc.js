#!/usr/bin/env node
// The command line entry: the compiled CLI lives in dist/ (built by `npm ci` through "prepare").
const { run } = require('../dist/cli/main.js');
// A reader that stops early (`phuluc check … | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}
run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
}).then((code) => {
  process.exitCode = code;
});
