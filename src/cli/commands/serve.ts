import type { Command } from 'commander';
import { openLedger, ledgerLocation } from '../../app/index.js';
import { startServer } from '../../server/index.js';
import { ledgerOptions } from '../globals.js';
import type { Output } from '../output.js';

/** `shakeout serve`: the HTTP API on the ledger, until interrupted. */
export function registerServe(program: Command, io: Output): void {
  program
    .command('serve')
    .description('serve the HTTP API (OpenAPI document at /api/openapi.json) on 127.0.0.1; writes need SHAKEOUT_TOKEN when it is set')
    .option('--host <address>', 'address to listen on (any but loopback needs SHAKEOUT_TOKEN)', '127.0.0.1')
    .option('--port <n>', 'port (default 8787, or a free one when 8787 is taken)', (v) => {
      if (!/^\d+$/.test(v)) throw new Error(`--port: expected a whole number from 0 to 65535, got "${v}"`);
      return Number(v);
    })
    .action(async (opts: { host: string; port?: number }, cmd: Command) => {
      // the server serves every day: each request names its own (?asOf=YYYY-MM-DD), and writes go to today's ledger
      const lo = ledgerOptions(cmd, { writes: 'serve (each request takes ?asOf=YYYY-MM-DD instead)' });
      const store = await openLedger(lo);
      let server;
      try {
        server = await startServer({ store, host: opts.host, ...(opts.port !== undefined ? { port: opts.port } : {}), token: process.env.SHAKEOUT_TOKEN || undefined });
      } catch (e) {
        await store.close();
        throw e;
      }
      io.out(server.dashboard
        ? `Shakeout on ${server.url} (dashboard and API; ledger: ${ledgerLocation(lo.db)}; OpenAPI: ${server.url}api/openapi.json)`
        : `Shakeout API on ${server.url} (ledger: ${ledgerLocation(lo.db)}; OpenAPI: ${server.url}api/openapi.json; the dashboard is not built: npm run build)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
