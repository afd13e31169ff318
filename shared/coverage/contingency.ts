import type { Provider, Settings } from '../domain/types';
import type { ZoneGeography } from '../geo/zone-geography';
import type { PlanMetrics } from './metrics';
import type { Contingency, ContingencyCandidate, GapKind } from './schemas';

export type { Contingency, ContingencyCandidate, GapKind };


const EPSILON = 1e-9;
const hoursText = (x: number) => `${Math.round(x).toLocaleString('en-GB')} hours a week`;

/**
 * Who could step in for a zone: providers with spare hours in a neighbouring
 * zone or with a branch within the distance limit (and the zone's own providers'
 * extra offers), nearest first, with how much of the gap each would close.
 */
export function computeContingency(zoneId: string, metrics: PlanMetrics, providers: readonly Provider[], geography: ZoneGeography, settings: Settings): Contingency {
  const zone = metrics.zones.find((z) => z.zoneId === zoneId);
  if (!zone) throw new Error(`There is no zone "${zoneId}" in this plan.`);
  const byId = new Map(providers.map((p) => [p.id, p]));

  let gapKind: GapKind = 'none';
  let gapHours = 0;
  if (zone.shortfallHours > EPSILON) {
    gapKind = 'shortfall';
    gapHours = zone.shortfallHours;
  } else if (zone.largestProviderId) {
    const largest = zone.providers.find((p) => p.providerId === zone.largestProviderId)!;
    const atRisk = Math.max(0, zone.demandHours - (zone.contractedHours - largest.contractedHours));
    if (atRisk > EPSILON) {
      gapKind = 'largest-provider';
      gapHours = atRisk;
    }
  }

  const candidates: Omit<ContingencyCandidate, 'closesHours' | 'gapShare' | 'cumulativeHours'>[] = [];
  for (const from of metrics.zones) {
    const inZone = from.zoneId === zoneId;
    const neighbour = !inZone && geography.areNeighbours(from.zoneId, zoneId);
    for (const held of from.providers) {
      // In the zone itself only extra offers count: its surplus is already in its cover.
      const spare = inZone ? held.additionalHours : held.spareHours;
      if (spare <= EPSILON) continue;
      if (gapKind === 'largest-provider' && held.providerId === zone.largestProviderId) continue;
      const distanceKm = geography.distanceKm(held.providerId, zoneId);
      if (!inZone && !neighbour && !(distanceKm <= settings.distanceLimitKm)) continue;
      const provider = byId.get(held.providerId);
      candidates.push({
        providerId: held.providerId,
        providerName: held.providerName,
        status: provider?.status ?? 'non-framework',
        fromZoneId: from.zoneId,
        fromZoneName: from.name,
        inZone,
        neighbour,
        distanceKm,
        spareHours: spare,
      });
    }
  }
  candidates.sort((a, b) => a.distanceKm - b.distanceKm || b.spareHours - a.spareHours || a.providerId.localeCompare(b.providerId) || a.fromZoneId.localeCompare(b.fromZoneId));

  let cumulative = 0;
  const ranked = candidates.map((c) => {
    const closesHours = Math.min(c.spareHours, gapHours);
    cumulative = Math.min(gapHours, cumulative + c.spareHours);
    return { ...c, closesHours, gapShare: gapHours > 0 ? closesHours / gapHours : 0, cumulativeHours: cumulative };
  });
  const availableHours = candidates.reduce((sum, c) => sum + c.spareHours, 0);
  const closesGap = availableHours + EPSILON >= gapHours;

  let summary: string;
  if (gapKind === 'none') summary = `${zone.name} is covered even without its largest provider; no gap to close.`;
  else {
    const what = gapKind === 'shortfall' ? `the shortfall of ${hoursText(gapHours)}` : `the ${hoursText(gapHours)} at risk if ${zone.providers[0]?.providerName ?? 'its largest provider'} withdrew`;
    if (closesGap) {
      const needed = ranked.findIndex((c) => c.cumulativeHours + EPSILON >= gapHours) + 1;
      summary = `The ${needed} nearest candidate${needed === 1 ? '' : 's'} could together close ${what}.`;
    } else {
      summary = `Candidates within reach offer ${hoursText(availableHours)} against ${what}: they cannot close it. The framework needs new bids for ${zone.name}.`;
    }
  }

  return { zoneId, zoneName: zone.name, gapKind, gapHours, candidates: ranked, availableHours, closesGap, needsNewBids: gapKind !== 'none' && !closesGap, summary };
}
