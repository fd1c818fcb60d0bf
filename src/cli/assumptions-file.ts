// Apart from options.ts, which every command loads (`shakeout parse` too):
// reading an assumptions file needs the health use-case's module.
import { survivalAssumptionsFileText } from '../app/index.js';

/**
 * `--assumptions FILE` as an analysis of the registry takes it: the file's
 * text, and its path to name in messages and to cite (read here, before the
 * ledger is opened: a bad file changes nothing).
 */
export function assumptionsFile(path: string): { assumptionsText: string; assumptionsName: string } {
  return { assumptionsText: survivalAssumptionsFileText(path), assumptionsName: path };
}
