/** The CLI's one-line progress bar, redrawn in place with '\r'. */
export function progressBar(done: number, total: number, unit: string, prefix = ''): string {
  const width = 30;
  const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
  return `${prefix}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`;
}
