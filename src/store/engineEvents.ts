/** What the engine client reports, folded into the store. */
import type { EngineClientEvents } from '../client/engineClient';
import { appStore, type Notice } from './appStore';
import { createFrameBatch } from './frameBatch';
import { foldSnapshots, type Snapshot } from './foldSnapshots';
import { truncateSeries } from './seriesBuffer';

let nextNoticeId = 1;

/**
 * Snapshots land in the store once per animation frame, all that arrived since the last one in one
 * update: one render and one changed frame per frame, however many the worker posted.
 */
const snapshots = createFrameBatch<Snapshot>((batch) =>
  appStore.setState((s) => foldSnapshots(s, batch)),
);

/** Drops snapshots not yet in the store (the runs they belong to were just replaced). */
export function discardPendingSnapshots(): void {
  snapshots.discard();
}

export function pushNotice(level: Notice['level'], text: string): void {
  const notice: Notice = { id: nextNoticeId++, level, text };
  // Keep the newest few: a notice area, not a log.
  appStore.setState((s) => ({ notices: [...s.notices, notice].slice(-6) }));
}

export const engineEvents: EngineClientEvents = {
  ready(report) {
    snapshots.flush();
    appStore.setState((s) => ({
      backend: report,
      engine: s.engine === 'starting' ? 'paused' : s.engine,
    }));
  },

  snapshot(snapshot) {
    snapshots.push(snapshot);
  },

  notice(level, text) {
    snapshots.flush();
    pushNotice(level, text);
  },

  recovered(checkpoint) {
    // The dead worker's last snapshots first: the checkpoint truncates what they appended.
    snapshots.flush();
    appStore.setState((s) => ({
      runs: s.runs.map((run) => {
        const saved = checkpoint?.runs.find((r) => r.id === run.id);
        return { ...run, series: truncateSeries(run.series, saved?.seriesLength ?? 0) };
      }),
    }));
  },
};
