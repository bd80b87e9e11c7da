/** The CLI's one-line progress bar. */
export function progressBar(done: number, total: number, unit: string, prefix = ''): string {
  const width = 30;
  const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
  return `${prefix}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`;
}

/**
 * A progress reporter writing to `write`: on a terminal the bar is redrawn in place ('\r'); off a
 * terminal (a log file, a cluster job's output) it writes a line only when the bar passes another
 * tenth of its total, so a sweep's log holds about eleven lines per seed, not one per tick.
 */
export function progressReporter(
  write: (text: string) => void,
  terminal: boolean,
): (done: number, total: number, unit: string, prefix?: string) => void {
  let last = '';
  return (done, total, unit, prefix = '') => {
    if (terminal) {
      write(`\r${progressBar(done, total, unit, prefix)}`);
      return;
    }
    const tenth = `${prefix}${Math.floor((10 * Math.min(done, total)) / Math.max(1, total))}`;
    if (tenth === last) return;
    last = tenth;
    write(`${progressBar(done, total, unit, prefix)}\n`);
  };
}
