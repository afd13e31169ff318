import type { z } from 'zod';
import type {
  FunderSchema,
  ProviderStatusSchema,
  ServiceTypeSchema,
  SupplyBasisSchema,
  AreaSchema,
  LotSchema,
  ProviderSchema,
  RateBandSchema,
  SettingsSchema,
  ZoneSchema,
} from './schemas';

/** The domain of a CareCover project, as plain data shared by every layer. */

export { FUNDERS, PROVIDER_STATUSES, SERVICE_TYPES } from './vocabulary';
export type ServiceType = z.infer<typeof ServiceTypeSchema>;
export const SERVICE_LABELS: Record<ServiceType, string> = {
  'home-care': 'Home care',
  chc: 'Continuing health care',
  'live-in': 'Live-in / 24-hour care',
};

export type ProviderStatus = z.infer<typeof ProviderStatusSchema>;
export type Funder = z.infer<typeof FunderSchema>;
export type SupplyBasis = z.infer<typeof SupplyBasisSchema>;
export type Lot = z.infer<typeof LotSchema>;

/**
 * Care hours a week needed in an area for one service, and the people behind
 * them. Live-in care is held in hours too (a week of 24-hour care is
 * LIVE_IN_HOURS_PER_WEEK hours) and shown and priced in weeks.
 */
export interface DemandRow {
  areaCode: string;
  service: ServiceType;
  hours: number;
  people: number;
}

/**
 * What one provider holds in one area for one service, hours a week: committed
 * (contracted to take), additional (offered beyond the contract), delivered
 * (care in place now) and the people it visits. `estimated` rows were spread
 * from zone-level contracts; `recorded` rows came from delivery records.
 */
export interface SupplyRow {
  providerId: string;
  areaCode: string;
  service: ServiceType;
  committedHours: number;
  additionalHours: number;
  deliveredHours: number;
  people: number;
  basis: SupplyBasis;
}

/** Hours a week a provider holds in one zone: how tenders state contracts, before they are spread over areas. */
export interface ZoneContract {
  providerId: string;
  zoneId: string;
  contractedHours: number;
  additionalHours: number;
}

/** A building block of zones: an LSOA by default; `ruc` is the ONS rural-urban class (2011 or 2021 codes). */
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
  spotHourlyRate: 25,
  spotWeeklyRate: 1500,
  countAtRisk: 0,
  countSpot: 0,
  disclosureThreshold: 5,
  suppressOnScreen: 0,
};

/** The bands a new empty project starts with, so every zone has a rate from the first import. */
export const DEFAULT_BANDS: RateBand[] = [
  { id: 'urban', name: 'Urban', hourlyRate: 24.6, floor: null, ceiling: null, minRuralShare: 0, chcHourlyRate: null, liveInWeeklyRate: 1150 },
  { id: 'rural', name: 'Rural', hourlyRate: 27.9, floor: null, ceiling: null, minRuralShare: 0.5, chcHourlyRate: null, liveInWeeklyRate: 1250 },
];

/** A week of live-in (24-hour) care, in hours: how live-in hours become weeks of care. */
export const LIVE_IN_HOURS_PER_WEEK = 168;

export const DEFAULT_LOTS: Lot[] = [
  { service: 'home-care', name: 'Home care', funder: 'council', councilShare: 1 },
  { service: 'chc', name: 'Continuing health care', funder: 'nhs', councilShare: 0 },
  { service: 'live-in', name: 'Live-in / 24-hour care', funder: 'council', councilShare: 1 },
];

/** Everything the coverage model reads for one plan. */
export interface PlanInputs {
  areas: Area[];
  zones: Zone[];
  /** area code → zone id */
  assignments: Map<string, string>;
  demand: DemandRow[];
  providers: Provider[];
  supply: SupplyRow[];
  bands: RateBand[];
  lots: Lot[];
  settings: Settings;
  /** The project's "as at" date (YYYY-MM-DD): which providers are on the framework. */
  asAt: string;
}

/**
 * Rural classes of the ONS rural-urban classifications: 2011's D1–E2 (rural
 * town and fringe, villages, hamlets and isolated dwellings) and 2021's
 * R-classes (RSN1, RSF1, RLN1, RLF1: smaller and larger rural, nearer to or
 * further from a major town). Everything else known is urban.
 */
const RUC_2011 = /^[A-E][12]$/;
const RUC_2021 = /^(UN1|UF1|RSN1|RSF1|RLN1|RLF1)$/;
export function isRural(ruc: string): boolean {
  const code = ruc.trim().toUpperCase();
  return /^[DE][12]$/.test(code) || /^R[SL][NF]1$/.test(code);
}

/** Whether a code is one of the two classifications' (unknown codes are reported by the lookup import). */
export function isKnownRuc(ruc: string): boolean {
  const code = ruc.trim().toUpperCase();
  return RUC_2011.test(code) || RUC_2021.test(code);
}
