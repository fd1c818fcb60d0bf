/**
 * A progress bar on stderr for runs longer than a second, only on a terminal.
 * The engine runs large models in worker threads, so the main thread is free
 * to draw; the bar fills as time passes towards an estimate that grows when
 * exceeded, and it is cleared when the run ends.
 */
export function progressIndicator(label: string, stream: NodeJS.WriteStream = process.stderr): { stop(): void } {
  if (!stream.isTTY) return { stop() {} };
  const start = Date.now();
  let shown = false;
  let expected = 2000;
  const timer = setInterval(() => {
    const elapsed = Date.now() - start;
    if (elapsed < 1000) return;
    while (elapsed > expected * 0.9) expected *= 1.5;
    const width = 30;
    const filled = Math.round((elapsed / expected) * width);
    stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(elapsed / 1000).toFixed(1)} s`);
    shown = true;
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
