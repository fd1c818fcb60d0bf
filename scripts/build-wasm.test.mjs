import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { compileEngine, engineModuleText, TARGET } from './build-wasm.mjs';

describe('src/estimate/engine-wasm.ts', () => {
  it('holds what assembly/engine.ts compiles to (run `npm run build:wasm` after changing it)', async () => {
    const { bytes, version } = await compileEngine();
    expect(readFileSync(TARGET, 'utf8')).toBe(engineModuleText(bytes, version));
  });
});
