import { useState } from 'react';
import { BinaryLabPanel } from './BinaryLabPanel';
import { FlatnessScatterPanel } from './FlatnessScatterPanel';
import { SimpleModelPanel } from './SimpleModelPanel';
import { GoldilocksPanel } from './GoldilocksPanel';
import { RescalingPanel } from './RescalingPanel';
import './experiments.css';

type Tab = 'binary' | 'simpleModel' | 'scatter' | 'goldilocks' | 'rescaling';

const TABS: readonly { id: Tab; title: string; blurb: string }[] = [
  {
    id: 'binary',
    title: '±1 networks',
    blurb: 'focusing BP, least action and annealing; Hamming local entropy',
  },
  {
    id: 'simpleModel',
    title: 'Simple model of the Hessian',
    blurb: 'Fort & Ganguli: C outliers, gradient confinement, rise and fall',
  },
  {
    id: 'scatter',
    title: 'Flatness vs test error',
    blurb: 'rank correlations across the runs of this experiment',
  },
  {
    id: 'goldilocks',
    title: 'Goldilocks zone',
    blurb: 'initialization radius, restricted Hessian, training in a random hyperplane',
  },
  {
    id: 'rescaling',
    title: 'Rescaling',
    blurb: 'a ReLU layer × c, the next × 1/c: same function, different λmax',
  },
];

/**
 * The side experiments below the main panels, one tab at a time and none until asked, so the
 * lecture view stays as it is. A tab, once opened, stays mounted (its results survive a switch).
 */
export function MoreExperiments() {
  const [tab, setTab] = useState<Tab | null>(null);
  const [opened, setOpened] = useState<readonly Tab[]>([]);
  const open = (id: Tab) => {
    const next = tab === id ? null : id;
    setTab(next);
    if (next && !opened.includes(next)) setOpened([...opened, next]);
  };
  return (
    <section
      className="more-experiments"
      data-testid="more-experiments"
      aria-label="More experiments"
    >
      <h2>More experiments</h2>
      <div className="experiment-tabs" role="tablist" aria-label="More experiments">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'on' : undefined}
            data-testid={`tab-${t.id}`}
            onClick={() => open(t.id)}
          >
            <strong>{t.title}</strong>
            <span className="muted">{t.blurb}</span>
          </button>
        ))}
      </div>
      {opened.includes('binary') && (
        <div role="tabpanel" hidden={tab !== 'binary'}>
          <BinaryLabPanel />
        </div>
      )}
      {opened.includes('simpleModel') && (
        <div role="tabpanel" hidden={tab !== 'simpleModel'}>
          <SimpleModelPanel />
        </div>
      )}
      {opened.includes('scatter') && (
        <div role="tabpanel" hidden={tab !== 'scatter'}>
          <FlatnessScatterPanel />
        </div>
      )}
      {opened.includes('goldilocks') && (
        <div role="tabpanel" hidden={tab !== 'goldilocks'}>
          <GoldilocksPanel />
        </div>
      )}
      {opened.includes('rescaling') && (
        <div role="tabpanel" hidden={tab !== 'rescaling'}>
          <RescalingPanel />
        </div>
      )}
    </section>
  );
}
