import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLayers } from './check-layers.mjs';

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

describe('check-layers', () => {
  it('accepts imports along the arrows through index.ts', () => {
    const root = tree({
      'core/index.ts': 'export const a = 1;',
      'estimate/index.ts': "import { a } from '../core/index.js';\nexport const b = a;",
    });
    expect(checkLayers(root)).toEqual([]);
  });
  it('flags an import against the arrows', () => {
    const root = tree({
      'core/index.ts': "import { b } from '../estimate/index.js';",
      'estimate/index.ts': 'export const b = 1;',
    });
    const p = checkLayers(root);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/core may not import estimate/);
  });
  it('flags reaching past index.ts', () => {
    const root = tree({
      'core/figure.ts': 'export const a = 1;',
      'ledger/store.ts': "import { a } from '../core/figure.js';",
    });
    expect(checkLayers(root)[0]).toMatch(/reaches into core\/figure.js/);
  });
});
