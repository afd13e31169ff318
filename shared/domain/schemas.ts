import { z } from 'zod';
import { FUNDERS, PROVIDER_STATUSES, SERVICE_TYPES, SUPPLY_BASES } from './vocabulary';

/** Runtime schemas of the domain; shared/domain/types.ts takes its types from here. */
export const ServiceTypeSchema = z.enum(SERVICE_TYPES);
export const ProviderStatusSchema = z.enum(PROVIDER_STATUSES);
export const FunderSchema = z.enum(FUNDERS);
export const SupplyBasisSchema = z.enum(SUPPLY_BASES);
/** An ISO date (YYYY-MM-DD). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** A service commissioned on its own terms. Live-in is counted and priced in weeks of care, the others in hours. */
export const LotSchema = z.object({
  service: ServiceTypeSchema,
  name: z.string().min(1),
  funder: FunderSchema,
  /** The council's share of the cost: 1 for council, 0 for NHS, between for joint funding. */
  councilShare: z.number().min(0).max(1),
});

export const AreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  district: z.string(),
  population: z.number(),
  ruc: z.string(),
});

export const ZoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.string(),
  bandOverride: z.string().nullable(),
  /** Locked zones keep their areas: no paint, split or merge moves any, and zone proposals leave them as they are. */
  locked: z.boolean().optional(),
});

export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  cqcId: z.string().nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  status: ProviderStatusSchema,
  services: z.array(ServiceTypeSchema),
  /** A new bidder's first day on the framework. */
  startDate: IsoDateSchema.nullable(),
  /** An exiting provider's last day (it supplies nothing from the day after). */
  endDate: IsoDateSchema.nullable(),
});

const rate = z.number().positive('must be more than £0').max(1000, 'must be at most £1,000 an hour');
export const RateBandSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    hourlyRate: rate,
    floor: rate.nullable(),
    ceiling: rate.nullable(),
    minRuralShare: z.number().min(0).max(1),
    /** Continuing health care's hourly rate in this band; null means the home-care rate. */
    chcHourlyRate: rate.nullable(),
    /** Live-in care's rate for a week of care in this band. */
    liveInWeeklyRate: z.number().positive('must be more than £0').max(20_000, 'must be at most £20,000 a week'),
  })
  .refine((b) => b.floor === null || b.floor <= b.hourlyRate, { message: 'the floor must not be above the hourly rate', path: ['floor'] })
  .refine((b) => b.ceiling === null || b.ceiling >= b.hourlyRate, { message: 'the ceiling must not be below the hourly rate', path: ['ceiling'] });

const share = z.number().min(0, 'must be at least 0%').max(5, 'must be at most 500%');
/** The settings' fields without the cross-field rule, for partial updates. */
export const SettingsFieldsSchema = z.object({
    redBelow: share,
    amberBelow: share,
    fragileN1Below: share,
    fragileMaxShare: z.number().min(0, 'must be at least 0%').max(1, 'must be at most 100%'),
    distanceLimitKm: z.number().min(0, 'must be at least 0 km').max(500, 'must be at most 500 km'),
    budgetPerYear: z.number().min(0, 'must be at least £0'),
    weeksPerYear: z.number().min(1, 'must be at least 1 week').max(53, 'must be at most 53 weeks'),
    /** Zone redesign checks flag zones whose demand falls below this. */
    minZoneDemandHours: z.number().min(0, 'must be at least 0 hours').max(1_000_000, 'must be at most 1,000,000 hours a week'),
    /** What an hour bought off the framework (spot) costs: unmet hours after a withdrawal are priced at it. */
    spotHourlyRate: z.number().positive('must be more than £0').max(1000, 'must be at most £1,000 an hour'),
    /** What a week of live-in care bought off the framework costs. */
    spotWeeklyRate: z.number().positive('must be more than £0').max(20_000, 'must be at most £20,000 a week'),
    /** 1 to count exiting providers' hours as cover (by default only secure supply counts). */
    countAtRisk: z.number().int().min(0).max(1),
    /** 1 to count non-framework (spot) providers' hours as cover. */
    countSpot: z.number().int().min(0).max(1),
    /** Counts of people below this are published as "<N" where exports and screens suppress small numbers. */
    disclosureThreshold: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100'),
    /** 1 to suppress small counts of people on screen too (for a screen shown in public), as exports do. */
    suppressOnScreen: z.number().int().min(0).max(1),
});
export const SettingsSchema = SettingsFieldsSchema.refine((s) => s.redBelow <= s.amberBelow, { message: 'the red line must not be above the amber line', path: ['redBelow'] });
