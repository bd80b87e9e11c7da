import { BackendBadge } from './BackendBadge';
import { Controls } from './Controls';
import { ExperimentEditor } from './ExperimentEditor';
import { FlatnessPanel } from './FlatnessPanel';
import { LossSlicePanel } from './LossSlicePanel';
import { NoticeArea } from './NoticeArea';
import { usePresetPanels } from './PresetPanels';
import { SpectrumPanel } from './SpectrumPanel';
import { TrainingPanel } from './TrainingPanel';
import { VerdictBanner } from './VerdictBanner';
import { ExportBar } from './export/ExportBar';
import { MoreExperiments } from './experiments/MoreExperiments';
import { PresetGallery } from './gallery/PresetGallery';
import { LectureToggle, LockWhenAsked, PresentationFrame } from './lecture/PresentationFrame';
import { StudyView } from './study/StudyView';
import { useAppStore } from './useAppStore';

export function App() {
  const studyOpen = useAppStore((s) => s.study !== null);
  const extras = usePresetPanels();
  // A preset's own panels take the spectrum's place, high on the page, when it computes none.
  const extrasLead = useAppStore((s) => s.spec.analysis.spectrum === 'off') && extras.length > 0;
  return (
    <PresentationFrame>
      <header className="app-header">
        <h1>Flatland</h1>
        <p className="tagline">Flat and sharp minima, live in your browser.</p>
        <BackendBadge />
        <LectureToggle />
      </header>
      <NoticeArea />
      <PresetGallery />
      {studyOpen ? (
        <StudyView />
      ) : (
        <>
          <Controls />
          <VerdictBanner />
          <ExportBar />
          <div className="workspace">
            <LockWhenAsked>
              <ExperimentEditor />
            </LockWhenAsked>
            <main className="panels">
              <LossSlicePanel />
              {extrasLead ? extras : <SpectrumPanel />}
              <FlatnessPanel />
              <TrainingPanel />
              {extrasLead ? <SpectrumPanel /> : extras}
            </main>
          </div>
          <MoreExperiments />
        </>
      )}
    </PresentationFrame>
  );
}
