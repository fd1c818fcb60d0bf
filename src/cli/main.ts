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

/**
 * Leaves once stdout and stderr have written all they were given (pipes are
 * asynchronous on some platforms). When the command is done, rather than when
 * the event loop runs dry: an explicit exit skips tearing down the heap, some
 * milliseconds of a one-shot command's start-up budget (bench/startup.mjs).
 * Every command has finished its work when runCli returns, `serve` included
 * (it returns after SIGINT or SIGTERM, its server closed); idle engine
 * workers are ended with the process either way.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

// Not a top-level await: the bundle (scripts/build-cli.mjs) is CommonJS.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  exitWhenFlushed(code);
});
