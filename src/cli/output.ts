import { terminalText } from './table.js';

/** Where the CLI writes: injectable so tests can capture output. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Text for a stream: without terminal escapes when the stream is a terminal (`terminalText`), exactly as given into a pipe or file. */
const forStream = (stream: NodeJS.WriteStream, text: string): string => {
  const t = stream.isTTY ? terminalText(text) : text;
  return t.endsWith('\n') ? t : t + '\n';
};

export const processOutput: Output = {
  out: (text) => process.stdout.write(forStream(process.stdout, text)),
  err: (text) => process.stderr.write(forStream(process.stderr, text)),
};

/** Prints a value as pretty JSON; typed arrays and non-finite numbers become JSON-safe. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (v instanceof Float64Array) return Array.from(v);
      if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : null;
      return v;
    },
    2,
  );
}
