import { BackendBadge } from './BackendBadge';
import { Controls } from './Controls';
import { NoticeArea } from './NoticeArea';
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
      <main className="panels">
        <TrainingPanel />
      </main>
    </div>
  );
}
