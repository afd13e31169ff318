import type { z } from 'zod';
import { ProviderStatusSchema, ServiceTypeSchema, type AreaSchema, type ProviderSchema, type RateBandSchema, type SettingsSchema, type ZoneSchema } from './schemas';

/** The domain of a CareCover project, as plain data shared by every layer. */

export const SERVICE_TYPES = ServiceTypeSchema.options;
export type ServiceType = z.infer<typeof ServiceTypeSchema>;
export const SERVICE_LABELS: Record<ServiceType, string> = {
  'home-care': 'Home care',
  chc: 'Continuing health care',
  'live-in': 'Live-in / 24-hour care',
};

export const PROVIDER_STATUSES = ProviderStatusSchema.options;
export type ProviderStatus = z.infer<typeof ProviderStatusSchema>;

export interface DemandRow {
  areaCode: string;
  service: ServiceType;
  hours: number;
  packages: number;
}

/** Hours a week a provider holds in one zone. */
export interface CapacityRow {
  providerId: string;
  zoneId: string;
  contractedHours: number;
  /** Hours beyond the contract the provider has offered to take on. */
  additionalHours: number;
}

/** A building block of zones: an LSOA by default; `ruc` is the ONS 2011 rural-urban class. */
export type Area = z.infer<typeof AreaSchema>;
/** `bandOverride` names a rate band chosen by hand instead of the one the rural share gives. */
export type Zone = z.infer<typeof ZoneSchema>;
export type Provider = z.infer<typeof ProviderSchema>;
/** A zone falls in the band with the highest `minRuralShare` its rural population share reaches. */
export type RateBand = z.infer<typeof RateBandSchema>;
/**
 * Coverage below `redBelow` is red, below `amberBelow` amber. A zone is fragile
 * when cover without its largest provider falls below `fragileN1Below`, or one
 * provider holds more than `fragileMaxShare` of its hours.
 */
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  redBelow: 0.9,
  amberBelow: 1,
  fragileN1Below: 1,
  fragileMaxShare: 0.5,
  distanceLimitKm: 15,
  budgetPerYear: 0,
  weeksPerYear: 52,
  minZoneDemandHours: 0,
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
