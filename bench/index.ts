import { fork } from 'node:child_process';
import { run as coverage } from './coverage.bench';
import { run as dissolve } from './dissolve.bench';
import { run as edit } from './edit.bench';
import { run as exports } from './export.bench';
import { run as importing } from './import.bench';
import { run as map } from './map.bench';
import { run as optimise } from './optimise.bench';
import { run as trends } from './trends.bench';

// npm run bench: prints figures and ratios against baselines measured in the same process.
// Benchmarks that need ../shared/data say so and skip when it is missing.
async function main(): Promise<void> {
  console.log(`CareCover benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
  // npm run bench -- import map: only those sections.
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  if (wanted('coverage')) coverage();
  if (wanted('trends')) trends();
  if (wanted('dissolve')) await dissolve();
  if (wanted('edit')) await edit();
  if (wanted('export')) await exports();
  // In a process of its own on a full run: the map's browser host and services run in the bench's process,
  // and the sections before it leave it holding hundreds of megabytes (England's areas, mapshaper's and
  // GDAL's runs), whose collection the host's first answers then paid for (about 0.15 s of England's
  // first map), where the app's host (Electron's main process, carecover serve) holds none of it.
  if (wanted('map')) await (only.length === 0 ? inChild('map') : map());
  if (wanted('import')) await importing();
  if (wanted('optimise')) await optimise();
}

/** Runs sections of this bench in a fresh Node process, its output shown as its own. */
function inChild(...sections: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, sections, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench sections ${sections.join(', ')} ended with code ${code}`))));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
