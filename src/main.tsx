import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from './client/engineClient';
import { attachEngine } from './store/actions';
import { appStore } from './store/appStore';
import type { PageHandle } from './pageHandle';
import { engineEvents } from './store/engineEvents';
import { loadFromUrl, startUrlSync } from './store/urlSync';
import { App } from './views/App';
import './views/styles.css';

loadFromUrl();
startUrlSync();
const client = new EngineClient(engineEvents);
attachEngine(client);

window.flatland = { store: appStore, client } satisfies PageHandle;

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
