// The app's entry: read the address bar, start the worker, expose the test API, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ServicesContext, type AppServices } from './app-context';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createDrawTracker } from './draw-tracker';
import { createFrameLoop } from './frame-loop';
import { readStartup } from './model/fragment';
import { startPageSync, storedContrast } from './page-sync';
import { useZoo } from './store';
import { createTestApi, installTestApi } from './test-api';
import { createWorkerClient } from './worker-client';
import './styles/app.css';

const startup = readStartup(location.hash);
if (startup.language) useZoo.getState().setLanguage(startup.language);
if (storedContrast()) useZoo.getState().setContrast(true);

const loop = createFrameLoop();
const tracker = createDrawTracker();
const client = createWorkerClient({ store: useZoo, loop, tracker });
const services: AppServices = { client, loop, tracker };

installTestApi(createTestApi(client, useZoo, tracker));
startPageSync(useZoo);

const root = document.getElementById('root');
if (!root) throw new Error('ZooScope: index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);

void client.start(startup.fragment ? { kind: 'fragment', fragment: startup.fragment } : { kind: 'default' }, { play: !startup.paused });
