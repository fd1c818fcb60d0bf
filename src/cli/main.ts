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

process.exitCode = await runCli(process.argv.slice(2));
