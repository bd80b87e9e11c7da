import { BackendBadge } from './BackendBadge';
import { Controls } from './Controls';
import { ExperimentEditor } from './ExperimentEditor';
import { FlatnessPanel } from './FlatnessPanel';
import { LossSlicePanel } from './LossSlicePanel';
import { NoticeArea } from './NoticeArea';
import { SpectrumPanel } from './SpectrumPanel';
import { TrainingPanel } from './TrainingPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Flatland</h1>
        <p className="tagline">Flat and sharp minima, live in your browser.</p>
        <BackendBadge />
      </header>
      <NoticeArea />
      <Controls />
      <div className="workspace">
        <ExperimentEditor />
        <main className="panels">
          <LossSlicePanel />
          <SpectrumPanel />
          <FlatnessPanel />
          <TrainingPanel />
        </main>
      </div>
    </div>
  );
}
