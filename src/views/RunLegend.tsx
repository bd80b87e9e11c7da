import type { ReactNode } from 'react';

/** One entry of a legend: a swatch, a label, and what else the panel says of it. */
export interface LegendEntry {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  /** After the label, e.g. why the run stopped. */
  readonly suffix?: ReactNode;
}

/**
 * The legend every panel puts over its charts: the runs (or lines) in their colours, then a muted
 * note on how to read the chart, if any.
 */
export function RunLegend({
  entries,
  note,
}: {
  entries: readonly LegendEntry[];
  note?: ReactNode;
}) {
  return (
    <ul className="legend">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="swatch" style={{ background: e.color }} />
          {e.label}
          {e.suffix}
        </li>
      ))}
      {note && <li className="muted">{note}</li>}
    </ul>
  );
}
