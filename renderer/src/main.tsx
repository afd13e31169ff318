// The page's entry is kept small: the first screen's calls go out as soon as it
// runs (first-calls.ts), while the app's own chunk, preloaded by index.html, is
// still being parsed; the first map then waits for whichever is later, not for both.
import './first-calls';
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { warmFonts } from './font-warmup';

warmFonts();
const root = document.getElementById('root')!;
import('./app-root')
  .then(({ mountApp }) => mountApp(root))
  .catch((error: unknown) => {
    root.textContent = `CareCover could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
