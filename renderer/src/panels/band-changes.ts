import type { PlanMetrics } from '../../../shared/coverage/schemas';

export interface BandChange {
  zoneId: string;
  name: string;
  fromBand: string;
  toBand: string;
  /** The change in the zone's annual cost (its demand may have moved too). */
  costChange: number;
}

/** Zones an edit moved into another rate band, with what the zone now costs a year against before. */
export function bandChanges(before: PlanMetrics, after: PlanMetrics): BandChange[] {
  const previous = new Map(before.zones.map((z) => [z.zoneId, z]));
  return after.zones.flatMap((z) => {
    const was = previous.get(z.zoneId);
    if (!was || was.bandId === z.bandId) return [];
    return [{ zoneId: z.zoneId, name: z.name, fromBand: was.bandName, toBand: z.bandName, costChange: z.annualCost - was.annualCost }];
  });
}
