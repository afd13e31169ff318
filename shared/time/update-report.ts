import { hours, percent } from '../format';
import type { ReopeningBrief, TimelineEvent, Transition, TrendResponse } from './schemas';
import { monthEnd, monthLabel } from './months';

/** What the committee's update report says, worked out once for the PDF and the workbook. */
export interface UpdateReport {
  plan: string;
  from: string;
  to: string;
  headline: string[];
  /** The plan's coverage each month from `from` to `to`, for the chart. */
  months: string[];
  coverage: (number | null)[];
  unsourced: number[];
  zones: { zoneId: string; name: string; from: number | null; to: number | null; change: number; classFrom: string; classTo: string; waiting: number; why: string }[];
  events: TimelineEvent[];
  transitions: { providerName: string; by: string | null; withProvider: number; moved: number; extensionOrSpot: number; deliveredFrom: number; deliveredTo: number }[];
  brief: ReopeningBrief;
}

export interface ZoneDriver {
  /** The provider whose counted cover in the zone moved most, and by how much (lot unit). */
  providerName: string | null;
  providerChange: number;
  handbacks: number;
}

/**
 * The update "since the last report": the plan's trend from one month to
 * another, the zones whose coverage moved most (worse first) with the reason
 * in words, what happened on the framework between the two months, how far
 * each exiting provider's care has moved, and the brief for the next re-opening.
 */
export function buildUpdateReport(input: {
  trend: TrendResponse;
  from: string;
  to: string;
  drivers: ReadonlyMap<string, ZoneDriver>;
  events: readonly TimelineEvent[];
  transitions: readonly (Transition & { deliveredFrom: number; deliveredTo: number })[];
  brief: ReopeningBrief;
}): UpdateReport {
  const { trend, from, to } = input;
  const f = trend.months.indexOf(from);
  const t = trend.months.indexOf(to);
  if (f < 0 || t < 0) throw new Error(`The project holds no month ${f < 0 ? from : to}.`);
  const span = trend.months.slice(f, t + 1);
  const total = trend.total;
  const sum = (xs: number[]) => xs.slice(f + 1, t + 1).reduce((n, x) => n + x, 0);
  const zones = trend.zones
    .map((z) => {
      const a = z.coverage[f] ?? null;
      const b = z.coverage[t] ?? null;
      const d = input.drivers.get(z.zoneId);
      const coverMove = z.cover[t]! - z.cover[f]!;
      const demandMove = z.demand[t]! - z.demand[f]!;
      const parts: string[] = [];
      if (Math.abs(coverMove) >= 0.5) parts.push(`cover ${coverMove < 0 ? 'down' : 'up'} ${hours(Math.abs(coverMove))} h${d?.providerName && Math.abs(d.providerChange) >= 0.5 ? ` (${d.providerName} ${d.providerChange < 0 ? '−' : '+'}${hours(Math.abs(d.providerChange))} h)` : ''}`);
      if (Math.abs(demandMove) >= 0.5) parts.push(`demand ${demandMove < 0 ? 'down' : 'up'} ${hours(Math.abs(demandMove))} h`);
      if (d && d.handbacks >= 0.05) parts.push(`${Math.round(d.handbacks * 10) / 10} packages handed back`);
      return { zoneId: z.zoneId, name: z.name, from: a, to: b, change: (b ?? 0) - (a ?? 0), classFrom: z.coverageClass[f]!, classTo: z.coverageClass[t]!, waiting: z.waiting[t]!, why: parts.join('; ') || 'little change' };
    })
    .sort((x, y) => x.change - y.change || x.zoneId.localeCompare(y.zoneId));
  const worse = zones.filter((z) => z.change < -0.005).length;
  const better = zones.filter((z) => z.change > 0.005).length;
  const headline = [
    `Coverage across the plan moved from ${percent(total.coverage[f] ?? null)} in ${monthLabel(from)} to ${percent(total.coverage[t] ?? null)} in ${monthLabel(to)}; ${worse} zone${worse === 1 ? '' : 's'} got worse and ${better} better.`,
    `Care waiting to be sourced: ${hours(total.unsourced[f]!)} hours a week then, ${hours(total.unsourced[t]!)} now, for ${Math.round(total.waiting[t]!)} people waiting.`,
    `Providers handed back ${Math.round(sum(total.handbacks) * 10) / 10} packages over the period.`,
  ];
  const start = `${from}-01`;
  const end = monthEnd(to);
  return {
    plan: trend.plan,
    from,
    to,
    headline,
    months: span,
    coverage: total.coverage.slice(f, t + 1),
    unsourced: total.unsourced.slice(f, t + 1),
    zones,
    events: input.events.filter((e) => e.date >= start && e.date <= end),
    transitions: input.transitions.map((x) => {
      const sumOf = (k: 'withProvider' | 'moved' | 'extensionOrSpot') => x.totals.filter((tt) => tt.unit === 'hour').reduce((n, tt) => n + tt[k], 0);
      return { providerName: x.providerName, by: x.by, withProvider: sumOf('withProvider'), moved: sumOf('moved'), extensionOrSpot: sumOf('extensionOrSpot'), deliveredFrom: x.deliveredFrom, deliveredTo: x.deliveredTo };
    }),
    brief: input.brief,
  };
}
