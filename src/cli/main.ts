#!/usr/bin/env node
import { runCli } from './program.js';

// A reader that stops early (`shakeout report | head`) closes the pipe: that
// is not an error, so leave quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// Not a top-level await: the bundle (scripts/build-cli.mjs) is CommonJS.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
