import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured as cli } from './run-captured.js';

const dir = mkdtempSync(join(tmpdir(), 'shakeout-run-'));
const db = join(dir, 'ledger.db');
const model = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('shakeout run', () => {
  it('prints the JSON shape of the issue, deterministic under a seed', async () => {
    const args = ['--db', db, 'run', 'models/chatgpt-subscribers.sq', '--samples', '20000', '--seed', '7', '--json'];
    const a = JSON.parse((await cli(args)).out);
    const b = JSON.parse((await cli(args)).out);
    expect(a.outputs).toEqual(b.outputs);
    expect(Object.keys(a.outputs.subs).sort()).toEqual(['mean', 'p25', 'p5', 'p50', 'p75', 'p95', 'sd']);
    expect(a.outputs.subs_exact).toBeCloseTo(750375.19, 1);
    expect(a.outputs.annual_exact).toBe(180e6);
    const c = JSON.parse((await cli([...args.slice(0, -2), '8', '--json'])).out);
    expect(c.outputs.subs.mean).not.toBe(a.outputs.subs.mean);
  });

  it('reads facts from the ledger by alias and names them', async () => {
    const r = await cli(['--db', db, 'run', 'models/moonshot-valuation.sq', '--samples', '5000']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('fact("月之暗面", "valuation") = F11 "超23亿美元"');
  });

  it('writes the raw samples with --samples-out', async () => {
    const out = join(dir, 'samples.csv');
    const p = model('a.sq', 'a = 1 to 2\nb = a * 2\n{a, b}');
    expect((await cli(['--db', db, 'run', p, '--samples', '1000', '--samples-out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,a,b');
    expect(lines).toHaveLength(1001);
    const [, a, b] = lines[1]!.split(',').map(Number);
    expect(b).toBe(a! * 2);
  });

  it('ranks the inputs that drive an output with --sensitivity', async () => {
    const p = model('s.sq', 'big = normal(0, 10)\nsmall = normal(0, 1)\ny = big + small\n{y}');
    const j = JSON.parse((await cli(['--db', db, 'run', p, '--samples', '20000', '--sensitivity', '--json'])).out);
    const drivers = j.outputs.y.drivers as { name: string; spearman: number }[];
    expect(drivers.map((d) => d.name)).toEqual(['big', 'small']);
    expect(drivers[0]!.spearman).toBeGreaterThan(0.95);
  });

  it('points at the error with line, column and a caret; exit code 2', async () => {
    const p = model('bad.sq', 'revenue = 5M to 15M\ncosts = revenu * 2\n{costs}');
    const r = await cli(['--db', db, 'run', p]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.sq:2:9');
    expect(r.err).toContain("did you mean 'revenue'?");
    expect(r.err).toMatch(/\|\s+\^~+/);
    expect(r.err.match(/unknown name/g)).toHaveLength(1);
  });

  it('puts a fact the ledger lacks at the fact(...) call, with a suggestion for a misspelt entity', async () => {
    const p = model('facts.sq', 'a = fact("月之暗面", "valuation")\nb = fact("OpenAl", "valuation")\n{a, b}');
    const r = await cli(['--db', db, 'run', p]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('facts.sq:2:5: unknown entity "OpenAl"; did you mean "OpenAI"?');
    expect(r.err).toMatch(/\|\s+\^~+/);
  });

  it('rejects a bad sample count as a usage error', async () => {
    const r = await cli(['--db', db, 'run', 'models/runway.sq', '--samples', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--samples: expected a whole number from 1 to 50000000, got "lots"');
  });
});
