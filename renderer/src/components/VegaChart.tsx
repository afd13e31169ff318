import { useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { chartView } from '../../../shared/costs/chart-svg';

interface Props {
  spec: TopLevelSpec;
  /** What the chart shows, for screen readers; the figures are also in a table beside it. */
  label: string;
  className?: string;
}

/** A Vega-Lite chart drawn as SVG into the page (no eval: see shared/costs/chart-svg.ts). */
export function VegaChart({ spec, label, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let finalize = () => {};
    chartView(spec, 'svg')
      .then(async (view) => {
        finalize = () => view.finalize();
        if (cancelled || !ref.current) return finalize();
        await view.initialize(ref.current).runAsync();
        setProblem(null);
      })
      .catch((e: Error) => !cancelled && setProblem(`The chart could not be drawn: ${e.message}`));
    return () => {
      cancelled = true;
      finalize();
    };
  }, [spec]);
  return (
    <figure className={`chart ${className ?? ''}`}>
      <div ref={ref} role="img" aria-label={label} />
      {problem && <p className="chart__problem">{problem}</p>}
    </figure>
  );
}
