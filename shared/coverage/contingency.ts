import type { Provider, Settings } from '../domain/types';
import type { ZoneGeography } from '../geo/zone-geography';
import type { PlanMetrics } from './metrics';
import type { Contingency, ContingencyCandidate, GapKind } from './schemas';
import type { SupplyClass } from './supply';
import { quantityText } from '../format';

export type { Contingency, ContingencyCandidate, GapKind };

const EPSILON = 1e-9;
const RANK: Record<SupplyClass, number> = { secure: 0, spot: 1, 'at-risk': 2, inactive: 3 };

/**
 * Who could step in for a zone: providers with spare hours (committed but not
 * delivered, and hours offered beyond their contracts) in a neighbouring zone
 * or with a branch within the distance limit, and the zone's own providers'
 * extra offers. Each provider is listed once. The smallest set that closes the
 * gap comes first, drawn from on-framework providers before spot and exiting
 * ones (largest offers first, so the set is as small as it can be); the rest
 * follow by status and distance, labelled.
 */
export function computeContingency(zoneId: string, metrics: PlanMetrics, providers: readonly Provider[], geography: ZoneGeography, settings: Settings): Contingency {
  const zone = metrics.zones.find((z) => z.zoneId === zoneId);
  if (!zone) throw new Error(`There is no zone "${zoneId}" in this plan.`);
  const byId = new Map(providers.map((p) => [p.id, p]));
  const unitText = (x: number) => quantityText(x, zone.unit);

  let gapKind: GapKind = 'none';
  let gapHours = 0;
  if (zone.shortfallHours > EPSILON) {
    gapKind = 'shortfall';
    gapHours = zone.shortfallHours;
  } else if (zone.largestProviderId) {
    const largest = zone.providers.find((p) => p.providerId === zone.largestProviderId)!;
    const atRisk = Math.max(0, zone.demandHours - (zone.coverHours - largest.share * zone.coverHours));
    if (atRisk > EPSILON) {
      gapKind = 'largest-provider';
      gapHours = atRisk;
    }
  }

  type Draft = Omit<ContingencyCandidate, 'closesHours' | 'gapShare' | 'cumulativeHours' | 'inClosingSet'>;
  const drafts = new Map<string, Draft>();
  for (const from of metrics.zones) {
    const inZone = from.zoneId === zoneId;
    const neighbour = !inZone && geography.areNeighbours(from.zoneId, zoneId);
    for (const held of from.providers) {
      if (held.supplyClass === 'inactive') continue;
      if (gapKind === 'largest-provider' && held.providerId === zone.largestProviderId) continue;
      // In the zone itself only extra offers count: its committed hours are already in its cover.
      const spare = inZone ? held.additionalHours : held.spareHours + held.additionalHours;
      if (spare <= EPSILON) continue;
      const distanceKm = geography.distanceKm(held.providerId, zoneId);
      if (!inZone && !neighbour && !(distanceKm <= settings.distanceLimitKm)) continue;
      let d = drafts.get(held.providerId);
      if (!d) {
        d = {
          providerId: held.providerId,
          providerName: held.providerName,
          status: byId.get(held.providerId)?.status ?? held.status,
          supplyClass: held.supplyClass,
          inZone: false,
          neighbour: false,
          fromZones: [],
          distanceKm,
          spareHours: 0,
        };
        drafts.set(held.providerId, d);
      }
      d.inZone ||= inZone;
      d.neighbour ||= neighbour;
      d.fromZones.push({ zoneId: from.zoneId, name: from.name });
      d.spareHours += spare;
    }
  }

  // The closing set: by status, then largest offer first, until the gap is closed.
  const pool = [...drafts.values()];
  const bySize = [...pool].sort((a, b) => RANK[a.supplyClass] - RANK[b.supplyClass] || b.spareHours - a.spareHours || a.distanceKm - b.distanceKm || a.providerId.localeCompare(b.providerId));
  const closing = new Set<string>();
  let gathered = 0;
  for (const c of bySize) {
    if (gathered + EPSILON >= gapHours) break;
    closing.add(c.providerId);
    gathered += c.spareHours;
  }
  const closesGap = gapKind !== 'none' && gathered + EPSILON >= gapHours;
  if (!closesGap) closing.clear(); // no set closes it: rank every candidate by status and distance alone
  const ordered = [
    ...bySize.filter((c) => closing.has(c.providerId)),
    ...pool
      .filter((c) => !closing.has(c.providerId))
      .sort((a, b) => RANK[a.supplyClass] - RANK[b.supplyClass] || a.distanceKm - b.distanceKm || b.spareHours - a.spareHours || a.providerId.localeCompare(b.providerId)),
  ];

  let cumulative = 0;
  const ranked: ContingencyCandidate[] = ordered.map((c) => {
    const closesHours = Math.min(c.spareHours, gapHours);
    cumulative = Math.min(gapHours, cumulative + c.spareHours);
    return { ...c, fromZones: c.fromZones.sort((a, b) => a.zoneId.localeCompare(b.zoneId)), closesHours, gapShare: gapHours > 0 ? closesHours / gapHours : 0, cumulativeHours: cumulative, inClosingSet: closing.has(c.providerId) };
  });
  const availableHours = pool.reduce((sum, c) => sum + c.spareHours, 0);
  const secureAvailableHours = pool.filter((c) => c.supplyClass === 'secure').reduce((sum, c) => sum + c.spareHours, 0);

  let summary: string;
  if (gapKind === 'none') summary = `${zone.name} is covered even without its largest provider; no gap to close.`;
  else {
    const what = gapKind === 'shortfall' ? `the shortfall of ${unitText(gapHours)}` : `the ${unitText(gapHours)} at risk if ${byId.get(zone.largestProviderId!)?.name ?? 'its largest provider'} withdrew`;
    if (closesGap) {
      const offFramework = ranked.filter((c) => c.inClosingSet && c.supplyClass !== 'secure').length;
      const who = closing.size === 1 ? 'One provider could close' : `${closing.size} providers could together close`;
      const status = offFramework ? ` (${offFramework} of ${closing.size === 1 ? 'it' : 'them'} off the framework or exiting)` : closing.size === 1 ? ', on the framework' : ', all on the framework';
      summary = `${who} ${what}${status}.`;
    } else {
      summary = `Providers within reach offer ${unitText(availableHours)} against ${what}: they cannot close it. The framework needs new bids for ${zone.name}.`;
    }
  }

  return {
    zoneId,
    zoneName: zone.name,
    lot: zone.lot,
    unit: zone.unit,
    gapKind,
    gapHours,
    candidates: ranked,
    availableHours,
    secureAvailableHours,
    closesGap,
    needsNewBids: gapKind !== 'none' && !closesGap,
    summary,
  };
}
