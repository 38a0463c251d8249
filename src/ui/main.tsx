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
import { createWalkthroughController } from './walkthrough/walkthrough-controller';
import { WalkthroughContext } from './walkthrough/walkthrough-context';
import { readEmbed, readPresent, readWalkthroughRequest } from './walkthrough/walkthrough-url';
import { EmbedApp } from './components/embed/EmbedApp';
import './styles/app.css';
import './styles/walkthrough.css';

const startup = readStartup(location.hash);
if (startup.language) useZoo.getState().setLanguage(startup.language);
if (storedContrast()) useZoo.getState().setContrast(true);
// "#w=<id>&cp=<n>" opens a guided walkthrough; "&present=1" presenter mode; "?embed=1" the embed.
const walkthroughRequest = readWalkthroughRequest(location.hash);
const embed = readEmbed(location.search);
if (readPresent(location.hash) && !embed) useZoo.getState().setPresenter(true);
if (embed) document.documentElement.setAttribute('data-embed', '');

const loop = createFrameLoop();
const tracker = createDrawTracker();
const client = createWorkerClient({ store: useZoo, loop, tracker });
const services: AppServices = { client, loop, tracker };
const walkthroughs = createWalkthroughController(client, useZoo);

installTestApi(createTestApi(client, useZoo, tracker, walkthroughs));
startPageSync(useZoo);

const root = document.getElementById('root');
if (!root) throw new Error('ZooScope: index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ServicesContext.Provider value={services}>
        <WalkthroughContext.Provider value={walkthroughs}>
          {embed ? <EmbedApp /> : <App />}
        </WalkthroughContext.Provider>
      </ServicesContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);

// A walkthrough link pasted into the address bar of an open tab changes only the fragment.
window.addEventListener('hashchange', () => {
  const request = readWalkthroughRequest(location.hash);
  if (request) void walkthroughs.openRequest(request);
});

if (walkthroughRequest) void walkthroughs.openRequest(walkthroughRequest);
else void client.start(startup.fragment ? { kind: 'fragment', fragment: startup.fragment } : { kind: 'default' }, { play: !startup.paused });
