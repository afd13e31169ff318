import { computeTrends, packSnapshot, type SnapshotRow } from '../shared/time/trends';
import { medianMs, report } from './harness';
import { syntheticEngland } from './synthetic';

/**
 * Trends for the England-scale synthetic plan (32,844 areas, 300 zones, about
 * 100,000 provider-area supply rows) over 24 months of returns: every month's
 * rows, packed once as the service keeps them, folded into zones under the
 * plan. Target under 200 ms; the baseline is one pass over the same rows.
 */
export function run(): void {
  console.log('\nTrends over 24 months (England-scale synthetic); median of 11 runs');
  const england = syntheticEngland();
  const areaIndex = new Map(england.areas.map((a, i) => [a.code, i]));
  const providerIndex = new Map(england.providers.map((p, i) => [p.id, i]));
  const months = Array.from({ length: 24 }, (_, m) => `${2025 + Math.floor((m + 3) / 12)}-${String(((m + 3) % 12) + 1).padStart(2, '0')}`);
  const snapshots = months.map((month, m) => {
    const rows: SnapshotRow[] = england.supply.map((r) => ({ providerId: r.providerId, areaCode: r.areaCode, service: r.service, committed: r.committedHours * (1 - m / 100), delivered: r.deliveredHours, unsourced: 0, waiting: 0, handbacks: 0 }));
    for (const d of england.demand) rows.push({ providerId: '', areaCode: d.areaCode, service: d.service, committed: 0, delivered: 0, unsourced: d.hours * 0.05, waiting: d.people * 0.05, handbacks: 0 });
    return packSnapshot(month, rows, areaIndex, providerIndex);
  });
  const rowCount = snapshots.reduce((n, s) => n + s.area.length, 0);
  const zoneIndex = new Map(england.zones.map((z, i) => [z.id, i]));
  const zoneOfArea = Int32Array.from(england.areas, (a) => zoneIndex.get(england.assignments.get(a.code) ?? '') ?? -1);
  const baseline = medianMs(() => {
    let total = 0;
    for (const s of snapshots) for (let i = 0; i < s.values.length; i++) total += s.values[i]!;
    return total;
  }, 11);
  const ms = medianMs(() => computeTrends({ snapshots, zoneOfArea, zones: england.zones, providers: england.providers, lot: 'all', settings: england.settings }), 11);
  report(`${england.areas.length.toLocaleString('en-GB')} areas, ${england.zones.length} zones, ${rowCount.toLocaleString('en-GB')} rows over 24 months`, ms, 200, baseline, 'one pass over the rows');
}
