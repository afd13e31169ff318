/** The domain of a CareCover project, as plain data shared by every layer. */

export const SERVICE_TYPES = ['home-care', 'chc', 'live-in'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_LABELS: Record<ServiceType, string> = {
  'home-care': 'Home care',
  chc: 'Continuing health care',
  'live-in': 'Live-in / 24-hour care',
};

export const PROVIDER_STATUSES = ['on-framework', 'exiting-framework', 'non-framework', 'new-bidder'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** A building block of zones: an LSOA by default. */
export interface Area {
  code: string;
  name: string;
  district: string;
  population: number;
  /** ONS 2011 rural-urban class, e.g. "C1" (urban) or "E1" (rural village). */
  ruc: string;
}

export interface Zone {
  id: string;
  name: string;
  colour: string;
  /** A rate band chosen by hand instead of the one the rural share gives. */
  bandOverride: string | null;
}

export interface DemandRow {
  areaCode: string;
  service: ServiceType;
  hours: number;
  packages: number;
}

export interface Provider {
  id: string;
  name: string;
  cqcId: string | null;
  lat: number;
  lon: number;
  status: ProviderStatus;
  services: ServiceType[];
}

/** Hours a week a provider holds in one zone. */
export interface CapacityRow {
  providerId: string;
  zoneId: string;
  contractedHours: number;
  /** Hours beyond the contract the provider has offered to take on. */
  additionalHours: number;
}

export interface RateBand {
  id: string;
  name: string;
  hourlyRate: number;
  floor: number | null;
  ceiling: number | null;
  /** A zone falls in the band with the highest threshold its rural population share reaches. */
  minRuralShare: number;
}

export interface Settings {
  /** Coverage below this is red. */
  redBelow: number;
  /** Coverage below this (and not red) is amber. */
  amberBelow: number;
  /** Fragile when cover without the largest provider falls below this… */
  fragileN1Below: number;
  /** …or when one provider holds more than this share of the zone's hours. */
  fragileMaxShare: number;
  distanceLimitKm: number;
  budgetPerYear: number;
  weeksPerYear: number;
}

export const DEFAULT_SETTINGS: Settings = {
  redBelow: 0.9,
  amberBelow: 1,
  fragileN1Below: 1,
  fragileMaxShare: 0.5,
  distanceLimitKm: 15,
  budgetPerYear: 0,
  weeksPerYear: 52,
};

/** Everything the coverage model reads for one plan. */
export interface PlanInputs {
  areas: Area[];
  zones: Zone[];
  /** area code → zone id */
  assignments: Map<string, string>;
  demand: DemandRow[];
  providers: Provider[];
  capacity: CapacityRow[];
  bands: RateBand[];
  settings: Settings;
}

/** RUC 2011 codes D1–E2 are rural. */
export function isRural(ruc: string): boolean {
  return ruc.startsWith('D') || ruc.startsWith('E');
}
