// A server for bench/load.mjs, in its own process: `shakeout` (the API on an
// in-memory ledger with the bundled data, as `shakeout serve` builds it),
// `shakeout-nocache` (the same with the result cache off) or `hello` (a plain
// hono app with one JSON route on the same adapter: the floor). Listens on a
// free port of 127.0.0.1 and prints {"port": N} once ready.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const kind = process.argv[2];
let app;
if (kind === 'hello') {
  app = new Hono();
  app.get('/hello', (c) => c.json({ hello: 'world' }));
} else if (kind === 'shakeout' || kind === 'shakeout-nocache') {
  const { openLedger } = await import('../dist/app/index.js');
  const { createApp } = await import('../dist/server/index.js');
  const store = await openLedger({ db: ':memory:' });
  app = createApp({ store, ...(kind === 'shakeout-nocache' ? { cache: false } : {}) });
} else {
  console.error(`load-server: expected shakeout, shakeout-nocache or hello, got ${kind}`);
  process.exit(2);
}
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  console.log(JSON.stringify({ port: info.port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
