import type { PlanInputs, ServiceType } from '../shared/domain/types';
import { DEFAULT_SETTINGS } from '../shared/domain/types';

/** An England-sized plan made up in memory: ~33,000 areas, 300 zones, 3,000 providers. */
export function syntheticEngland(areaCount = 32_844, zoneCount = 300, providerCount = 3_000): PlanInputs {
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
  const demand = areas.flatMap((a) => services.map((service) => ({ areaCode: a.code, service, hours: random() * 30, packages: random() * 3 })));
  const providers = Array.from({ length: providerCount }, (_, i) => ({
    id: `P${i}`,
    name: `Provider ${i}`,
    cqcId: null,
    lat: 50 + random() * 5,
    lon: -5 + random() * 6,
    status: 'on-framework' as const,
    services: ['home-care' as const],
  }));
  const capacity = providers.flatMap((p, i) =>
    [0, 1, 2].map((k) => ({ providerId: p.id, zoneId: `Z${(i + k * 97) % zoneCount}`, contractedHours: random() * 400, additionalHours: random() * 40 })),
  );
  return {
    areas,
    zones,
    assignments,
    demand,
    providers,
    capacity,
    bands: [
      { id: 'urban', name: 'Urban', hourlyRate: 24, floor: null, ceiling: null, minRuralShare: 0 },
      { id: 'rural', name: 'Rural', hourlyRate: 28, floor: null, ceiling: null, minRuralShare: 0.5 },
    ],
    settings: { ...DEFAULT_SETTINGS, budgetPerYear: 1e9 },
  };
}
