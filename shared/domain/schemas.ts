import { z } from 'zod';

/** Runtime schemas of the domain; shared/domain/types.ts takes its types from here. */
export const ServiceTypeSchema = z.enum(['home-care', 'chc', 'live-in']);
export const ProviderStatusSchema = z.enum(['on-framework', 'exiting-framework', 'non-framework', 'new-bidder']);

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
});

export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  cqcId: z.string().nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  status: ProviderStatusSchema,
  services: z.array(ServiceTypeSchema),
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
  })
  .refine((b) => b.floor === null || b.floor <= b.hourlyRate, { message: 'the floor must not be above the hourly rate', path: ['floor'] })
  .refine((b) => b.ceiling === null || b.ceiling >= b.hourlyRate, { message: 'the ceiling must not be below the hourly rate', path: ['ceiling'] });

const share = z.number().min(0, 'must be at least 0%').max(5, 'must be at most 500%');
/** The settings' fields without the cross-field rule, for partial updates. */
export const SettingsFieldsSchema = z.object({
    redBelow: share,
    amberBelow: share,
    fragileN1Below: share,
    fragileMaxShare: z.number().min(0).max(1),
    distanceLimitKm: z.number().min(0).max(500),
    budgetPerYear: z.number().min(0),
    weeksPerYear: z.number().min(1).max(53),
    /** Zone redesign checks flag zones whose demand falls below this. */
    minZoneDemandHours: z.number().min(0).max(1_000_000),
});
export const SettingsSchema = SettingsFieldsSchema.refine((s) => s.redBelow <= s.amberBelow, { message: 'the red line must not be above the amber line', path: ['redBelow'] });
