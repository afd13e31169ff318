import { computePlanMetrics } from '../coverage/metrics';
import { unitOf } from '../coverage/supply';
import { SERVICE_TYPES, type PlanInputs } from '../domain/types';
import type { ReopeningBrief } from './schemas';

/**
 * What to invite bids for at a re-opening: the plan as it will stand on that
 * day (providers who have left by then no longer count, new bidders who have
 * started do), zone by zone and lot by lot, where secure coverage is below the
 * amber line; the hours to invite are what brings cover up to it.
 */
export function reopeningNeeds(inputs: PlanInputs, date: string): Pick<ReopeningBrief, 'zones' | 'totals'> {
  const then = { ...inputs, asAt: date };
  const zones: ReopeningBrief['zones'] = [];
  const totals: ReopeningBrief['totals'] = [];
  const line = inputs.settings.amberBelow;
  for (const lot of SERVICE_TYPES) {
    let toInvite = 0;
    let count = 0;
    for (const z of computePlanMetrics(then, lot).zones) {
      if (z.coverage === null || z.coverage >= line) continue;
      const gap = Math.max(0, z.demandHours * line - z.coverHours);
      // Less than a tenth of an hour (or of a week of live-in care) is not worth a tender.
      if (gap < 0.1) continue;
      zones.push({ zoneId: z.zoneId, name: z.name, lot, unit: unitOf(lot), coverage: z.coverage, coverageClass: z.coverageClass, demand: z.demandHours, cover: z.coverHours, toInvite: gap });
      toInvite += gap;
      count++;
    }
    if (count) totals.push({ lot, unit: unitOf(lot), toInvite, zones: count });
  }
  zones.sort((a, b) => b.toInvite - a.toInvite || a.zoneId.localeCompare(b.zoneId));
  return { zones, totals };
}
