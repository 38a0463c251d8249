// The page: header, error banner, the ring in the middle, the side panel, the controls.
import { useServices } from '../app-context';
import { useKeyboardShortcuts } from '../hooks/use-keyboard-shortcuts';
import { useZoo } from '../store';
import { ControlsBar } from './ControlsBar';
import { EnsembleView } from './EnsembleView';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { SidePanel } from './SidePanel';
import { Timeline } from './Timeline';
import { WalkthroughPanel } from './walkthrough/WalkthroughPanel';
import { PresenterLayer } from './presenter/PresenterLayer';

export function App() {
  const { client } = useServices();
  useKeyboardShortcuts(client, useZoo);
  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <main className="stage">
        <WalkthroughPanel />
        <div className="stage-main">
          <EnsembleView />
          <Timeline />
        </div>
        <SidePanel />
      </main>
      <ControlsBar />
      <PresenterLayer />
    </div>
  );
}
