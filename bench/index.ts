import { run as coverage } from './coverage.bench';
import { run as dissolve } from './dissolve.bench';
import { run as exports } from './export.bench';
import { child as importChild, run as importing } from './import.bench';
import { run as map } from './map.bench';

// npm run bench: prints figures and ratios against baselines measured in the same process.
// Benchmarks that need ../shared/data say so and skip when it is missing.
async function main(): Promise<void> {
  const childMode = process.env.CARECOVER_BENCH_CHILD;
  if (childMode) return importChild(childMode, process.argv.slice(2));
  console.log(`CareCover benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
  coverage();
  await dissolve();
  await exports();
  await map();
  await importing();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
