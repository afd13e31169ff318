import { monthLabel } from '../../../shared/time/months';

interface Props {
  months: readonly string[];
  values: readonly (number | null)[];
  /** A dashed line at this value (the amber line), when in range. */
  line?: number;
  /** The month the map shows, marked. */
  current?: string | null;
  label: string;
}

const W = 160;
const H = 36;

/** A zone's coverage over the months held, small enough for the zone detail. Drawn as React SVG elements, never as markup from data. */
export function Sparkline({ months, values, line, current, label }: Props) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const lo = Math.min(...known, line ?? Infinity);
  const hi = Math.max(...known, line ?? -Infinity);
  const x = (i: number) => 2 + (i * (W - 4)) / Math.max(1, months.length - 1);
  const y = (v: number) => H - 3 - ((v - lo) / (hi - lo || 1)) * (H - 6);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const at = current ? months.indexOf(current) : -1;
  const first = known[0]!;
  const last = known.at(-1)!;
  const description = `${label}: ${Math.round(first * 100)}% in ${monthLabel(months[0]!)} to ${Math.round(last * 100)}% in ${monthLabel(months.at(-1)!)}`;
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description}>
      <title>{description}</title>
      {line !== undefined && <line x1={0} x2={W} y1={y(line)} y2={y(line)} stroke="#777" strokeDasharray="3 3" strokeWidth={1} />}
      <polyline points={points} fill="none" stroke="#1b1b1b" strokeWidth={1.5} />
      {at >= 0 && values[at] !== null && <circle cx={x(at)} cy={y(values[at]!)} r={3} fill="#2b5f8a" />}
    </svg>
  );
}
