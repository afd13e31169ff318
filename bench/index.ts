import { run as coverage } from './coverage.bench';

// npm run bench: prints figures and ratios against baselines measured in the same process.
// Benchmarks that need ../shared/data say so and skip when it is missing.
console.log(`CareCover benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
coverage();
