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
  if (wanted('map')) await map();
  if (wanted('import')) await importing();
  if (wanted('optimise')) await optimise();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
