/** A progress bar on stderr: done/total, percent, rate and ETA, redrawn in place on a terminal. */

export interface ProgressBar {
  /** Records how many units are done; redraws at most every 100 ms. */
  update(done: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

/** Formats seconds as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A bar for `total` units called `label`. On a terminal it rewrites one line; otherwise (a
 * log file, CI) it prints a line at every tenth, so that logs stay short.
 */
export function createProgressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  const tty = Boolean(stream.isTTY);
  const width = 24;
  let lastDraw = 0;
  let lastTenth = -1;
  let done = 0;
  const line = () => {
    const elapsed = (performance.now() - started) / 1000;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : Number.NaN;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const count = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
    return `${label} ${bar} ${count} ${(fraction * 100).toFixed(1).padStart(5)}% ${Math.round(rate).toLocaleString('en-US')} rows/s ETA ${formatDuration(eta)} (elapsed ${formatDuration(elapsed)})`;
  };
  return {
    update(value) {
      done = value;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r\x1b[2K${line()}`);
      } else {
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${line()}\n`);
      }
    },
    finish() {
      if (tty) stream.write(`\r\x1b[2K${line()}\n`);
      else if (lastTenth !== 10) stream.write(`${line()}\n`);
    },
  };
}
