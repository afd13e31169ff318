import type { PlanInputs, ServiceType, SupplyRow } from '../shared/domain/types';
import { DEFAULT_LOTS, DEFAULT_SETTINGS } from '../shared/domain/types';

/**
 * An England-sized plan made up in memory: 32,844 areas, 300 zones, 3,000
 * providers holding about 100,000 provider-area supply rows (each provider
 * works in about 33 areas of its zone), a tenth of them exiting or spot.
 */
export function syntheticEngland(areaCount = 32_844, zoneCount = 300, providerCount = 3_000, areasPerProvider = 33): PlanInputs {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const areas = Array.from({ length: areaCount }, (_, i) => ({
    code: `E01${String(i).padStart(6, '0')}`,
    name: `Area ${i}`,
    district: `E07${String(i % 326).padStart(6, '0')}`,
    population: 1000 + Math.floor(random() * 2000),
    ruc: random() < 0.2 ? 'E1' : 'C1',
  }));
  const zones = Array.from({ length: zoneCount }, (_, i) => ({ id: `Z${i}`, name: `Zone ${i}`, colour: '#888888', bandOverride: null }));
  const assignments = new Map(areas.map((a, i) => [a.code, `Z${i % zoneCount}`]));
  const services: ServiceType[] = ['home-care', 'chc', 'live-in'];
  const demand = areas.flatMap((a) => services.map((service) => ({ areaCode: a.code, service, hours: random() * 30, people: Math.floor(random() * 4) })));
  const statuses = ['on-framework', 'on-framework', 'on-framework', 'on-framework', 'on-framework', 'on-framework', 'on-framework', 'on-framework', 'exiting-framework', 'non-framework'] as const;
  const providers = Array.from({ length: providerCount }, (_, i) => ({
    id: `P${i}`,
    name: `Provider ${i}`,
    cqcId: null,
    lat: 50 + random() * 5,
    lon: -5 + random() * 6,
    status: statuses[i % statuses.length]!,
    services: ['home-care' as const],
    startDate: null,
    endDate: null,
  }));
  // Areas of zone z are z, z + zoneCount, z + 2 × zoneCount, …: a provider takes a run of them.
  const supply: SupplyRow[] = [];
  const perZone = Math.floor(areaCount / zoneCount);
  providers.forEach((p, i) => {
    const zone = i % zoneCount;
    const start = Math.floor(random() * perZone);
    for (let k = 0; k < areasPerProvider; k++) {
      const index = zone + ((start + k) % perZone) * zoneCount;
      const committed = random() * 15;
      supply.push({
        providerId: p.id,
        areaCode: areas[index]!.code,
        service: 'home-care',
        committedHours: committed,
        additionalHours: random() * 2,
        deliveredHours: committed * (0.8 + random() * 0.2),
        people: Math.floor(random() * 3),
        basis: 'estimated',
      });
    }
  });
  return {
    areas,
    zones,
    assignments,
    demand,
    providers,
    supply,
    bands: [
      { id: 'urban', name: 'Urban', hourlyRate: 24, floor: null, ceiling: null, minRuralShare: 0, chcHourlyRate: null, liveInWeeklyRate: 1100 },
      { id: 'rural', name: 'Rural', hourlyRate: 28, floor: null, ceiling: null, minRuralShare: 0.5, chcHourlyRate: null, liveInWeeklyRate: 1200 },
    ],
    lots: DEFAULT_LOTS,
    settings: { ...DEFAULT_SETTINGS, budgetPerYear: 1e9 },
    asAt: '2026-10-01',
  };
}
