import type { PlanMetrics } from '../../../shared/coverage/schemas';
import { annualCostByZone } from '../../../shared/costs/costs-report';
import type { ServiceType } from '../../../shared/domain/types';

export interface BandChange {
  zoneId: string;
  name: string;
  fromBand: string;
  toBand: string;
  /** The change in the zone's annual cost (its demand may have moved too). */
  costChange: number;
}

/** What an edit did to the plan's annual cost at today's rates, and the zones it moved into another rate band. */
export interface EditCost {
  /** The change a year: covered hours at band rates plus the shortfall at spot. */
  costChange: number;
  /** Of which the change in spot purchases. */
  spotChange: number;
  bands: BandChange[];
}

export function editCost(before: PlanMetrics, after: PlanMetrics, spotRates: Record<ServiceType, number>, weeksPerYear: number): EditCost {
  const was = annualCostByZone(before, spotRates, weeksPerYear);
  const now = annualCostByZone(after, spotRates, weeksPerYear);
  const zero = { framework: 0, spot: 0, total: 0 };
  const ids = new Set([...was.keys(), ...now.keys()]);
  let costChange = 0;
  let spotChange = 0;
  for (const id of ids) {
    costChange += (now.get(id) ?? zero).total - (was.get(id) ?? zero).total;
    spotChange += (now.get(id) ?? zero).spot - (was.get(id) ?? zero).spot;
  }
  const previous = new Map(before.zones.map((z) => [z.zoneId, z]));
  const bands = after.zones.flatMap((z) => {
    const old = previous.get(z.zoneId);
    if (!old || old.bandId === z.bandId) return [];
    return [{ zoneId: z.zoneId, name: z.name, fromBand: old.bandName, toBand: z.bandName, costChange: (now.get(z.zoneId) ?? zero).total - (was.get(z.zoneId) ?? zero).total }];
  });
  return { costChange, spotChange, bands };
}
