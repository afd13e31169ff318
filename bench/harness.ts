/** Median wall time of `fn` over `runs` runs after `warmup` unmeasured ones, in milliseconds. */
export function medianMs(fn: () => unknown, runs = 21, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function report(name: string, ms: number, target: number | null, baselineMs: number | null, baselineName = 'baseline'): void {
  const verdict = target === null ? '' : ms <= target ? `  (target < ${target} ms: met)` : `  (target < ${target} ms: MISSED)`;
  const ratio = baselineMs ? `  ${(ms / baselineMs).toFixed(1)}× ${baselineName}` : '';
  console.log(`${name.padEnd(72)} ${ms.toFixed(2).padStart(9)} ms${ratio}${verdict}`);
}
