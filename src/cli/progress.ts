/**
 * A progress bar on stderr for runs longer than a second, only on a terminal.
 * The engine reports its work chunk by chunk (`update(done, total)`); the
 * bar shows that share, drawn only once a second has passed and only when
 * its text changes, and is cleared when the run ends.
 */
export class ProgressBar {
  private readonly start = Date.now();
  private shown = false;
  private last = '';

  constructor(private readonly label: string, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(done: number, total: number): void {
    if (!this.stream.isTTY || Date.now() - this.start < 1000) return;
    const width = 30;
    const filled = Math.round((Math.min(done, total) / Math.max(total, 1)) * width);
    const secs = ((Date.now() - this.start) / 1000).toFixed(1);
    const pct = Math.floor((100 * Math.min(done, total)) / Math.max(total, 1));
    const line = `\r${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}%, ${secs} s`;
    if (line === this.last) return; // the engine reports every chunk: draw only what changed
    this.last = line;
    this.stream.write(line);
    this.shown = true;
  }

  stop(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}
