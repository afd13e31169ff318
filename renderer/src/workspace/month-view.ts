import type { PlanMetrics, ZoneMetrics } from '../../../shared/coverage/schemas';
import type { TrendResponse } from '../../../shared/time/schemas';

/**
 * The plan as a month's returns saw it, in the shape the map, the table and
 * the totals draw: each zone's coverage, class, demand, cover, care in place
 * and waiting from the trend; flagged only for low coverage, since a month's
 * returns say nothing of fragility. Everything else stays as the model has it.
 */
export function monthView(current: PlanMetrics, trend: TrendResponse, month: string): PlanMetrics {
  const m = trend.months.indexOf(month);
  if (m < 0) return current;
  const byZone = new Map(trend.zones.map((z) => [z.zoneId, z]));
  const zones = current.zones.map((zone): ZoneMetrics => {
    const t = byZone.get(zone.zoneId);
    if (!t) return zone;
    const coverageClass = t.coverageClass[m]!;
    return {
      ...zone,
      coverage: t.coverage[m] ?? null,
      coverageClass,
      demandHours: t.demand[m]!,
      coverHours: t.cover[m]!,
      secureHours: t.cover[m]!,
      deliveredHours: t.delivered[m]!,
      unsourcedHours: t.unsourced[m]!,
      shortfallHours: Math.max(0, t.demand[m]! - t.cover[m]!),
      flags: coverageClass === 'red' || coverageClass === 'amber' ? ['low-coverage'] : [],
    };
  });
  const count = (test: (z: ZoneMetrics) => boolean) => zones.filter(test).length;
  const total = trend.total;
  return {
    zones,
    totals: {
      ...current.totals,
      demandHours: total.demand[m]!,
      coverHours: total.cover[m]!,
      // A month's returns tell committed hours that count as cover, not their classes: shown as secure.
      secureHours: total.cover[m]!,
      deliveredHours: total.delivered[m]!,
      unsourcedHours: total.unsourced[m]!,
      shortfallHours: zones.reduce((n, z) => n + z.shortfallHours, 0),
      flaggedZones: count((z) => z.flags.length > 0),
      redZones: count((z) => z.coverageClass === 'red'),
      amberZones: count((z) => z.coverageClass === 'amber'),
      fragileZones: 0,
      noProviderZones: 0,
    },
  };
}
