#!/usr/bin/env node
// The command line entry: the compiled CLI lives in dist/ (built by `npm ci` through "prepare").
const { run } = require('../dist/cli/main.js');
run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
}).then((code) => {
  process.exitCode = code;
});
