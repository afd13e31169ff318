import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadFirstScreen } from './first-screen';

/** The app itself: React, Leaflet and every panel, in the chunk main.tsx loads; first drawn with its first screen's data. */
export async function mountApp(root: HTMLElement): Promise<void> {
  const start = await loadFirstScreen();
  createRoot(root).render(
    <StrictMode>
      <App start={start} />
    </StrictMode>,
  );
}
