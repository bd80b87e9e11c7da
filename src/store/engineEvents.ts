/** What the engine client reports, folded into the store. */
import type { EngineClientEvents } from '../client/engineClient';
import { foldAnalysis } from './analysisState';
import { appStore, type Notice, type RunView } from './appStore';
import { appendSeries, truncateSeries } from './seriesBuffer';

let nextNoticeId = 1;

export function pushNotice(level: Notice['level'], text: string): void {
  const notice: Notice = { id: nextNoticeId++, level, text };
  // Keep the newest few: a notice area, not a log.
  appStore.setState((s) => ({ notices: [...s.notices, notice].slice(-6) }));
}

export const engineEvents: EngineClientEvents = {
  ready(report) {
    appStore.setState((s) => ({
      backend: report,
      engine: s.engine === 'starting' ? 'paused' : s.engine,
    }));
  },

  snapshot(snapshot) {
    appStore.setState((s) => {
      if (snapshot.generation !== s.generation) return {};
      const runs = s.runs.map((run): RunView => {
        const update = snapshot.runs.find((r) => r.id === run.id);
        if (!update) return run;
        return {
          ...run,
          status: update.status,
          reason: update.reason,
          steps: update.steps,
          gradEvals: update.gradEvals,
          series: update.series ? appendSeries(run.series, update.series) : run.series,
        };
      });
      return {
        runs,
        numTensors: snapshot.numTensors,
        engine: snapshot.status,
        tick: snapshot.tick,
        waiting: snapshot.waiting,
        analysis: snapshot.analysis
          ? foldAnalysis(s.analysis, snapshot.analysis, snapshot.analysisTick)
          : s.analysis,
        analysisProgress: snapshot.progress,
      };
    });
  },

  notice(level, text) {
    pushNotice(level, text);
  },

  recovered(checkpoint) {
    appStore.setState((s) => ({
      runs: s.runs.map((run) => {
        const saved = checkpoint?.runs.find((r) => r.id === run.id);
        return { ...run, series: truncateSeries(run.series, saved?.seriesLength ?? 0) };
      }),
    }));
  },
};
