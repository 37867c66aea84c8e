/** Entry point: i18n first (so the first paint is in the right language), then stores, router and app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { initI18n } from './i18n';
import { LobbyStoreProvider } from './lobby/lobbyStore';
import { SessionStoreProvider } from './session/sessionStore';
import './styles/index.css';

const i18n = initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <SessionStoreProvider>
        <LobbyStoreProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </LobbyStoreProvider>
      </SessionStoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
