import { z } from 'zod';
import { ProviderStatusSchema } from '../domain/schemas';

/**
 * Runtime schemas of what the coverage model produces. The model's TypeScript
 * types are inferred from these, so the API contract and the model cannot drift.
 */
export const CoverageClassSchema = z.enum(['no-demand', 'covered', 'amber', 'red']);
export const ZoneFlagSchema = z.enum(['no-provider', 'low-coverage', 'fragile']);

export const ZoneProviderSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  contractedHours: z.number(),
  additionalHours: z.number(),
  /** Share of the zone's contracted hours (0–1). */
  share: z.number(),
  /** Hours it could take on: its additional offer plus its share of any surplus. */
  spareHours: z.number(),
});

export const ZoneMetricsSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  colour: z.string(),
  areaCount: z.number(),
  population: z.number(),
  ruralShare: z.number(),
  districts: z.array(z.string()),
  demandHours: z.number(),
  demandByService: z.object({ 'home-care': z.number(), chc: z.number(), 'live-in': z.number() }),
  packages: z.number(),
  contractedHours: z.number(),
  additionalHours: z.number(),
  /** Additional hours offered plus contracted hours beyond demand. */
  spareHours: z.number(),
  shortfallHours: z.number(),
  /** Contracted hours ÷ demand; null when the zone has no demand. */
  coverage: z.number().nullable(),
  coverageClass: CoverageClassSchema,
  providerCount: z.number(),
  largestProviderId: z.string().nullable(),
  largestShare: z.number().nullable(),
  /** Coverage if the largest provider withdrew. */
  n1Coverage: z.number().nullable(),
  bandId: z.string(),
  bandName: z.string(),
  hourlyRate: z.number(),
  bandOverridden: z.boolean(),
  weeklyCost: z.number(),
  annualCost: z.number(),
  flags: z.array(ZoneFlagSchema),
  /** Why the zone is flagged, in plain words. */
  reasons: z.array(z.string()),
  providers: z.array(ZoneProviderSchema),
});

export const PlanTotalsSchema = z.object({
  zones: z.number(),
  areas: z.number(),
  population: z.number(),
  demandHours: z.number(),
  contractedHours: z.number(),
  additionalHours: z.number(),
  shortfallHours: z.number(),
  weeklyCost: z.number(),
  annualCost: z.number(),
  budgetPerYear: z.number(),
  /** Budget less annual cost; negative when over budget. */
  budgetHeadroom: z.number(),
  flaggedZones: z.number(),
  redZones: z.number(),
  amberZones: z.number(),
  fragileZones: z.number(),
  noProviderZones: z.number(),
});

export const PlanMetricsSchema = z.object({ zones: z.array(ZoneMetricsSchema), totals: PlanTotalsSchema });

export const GapKindSchema = z.enum(['shortfall', 'largest-provider', 'none']);

export const ContingencyCandidateSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  status: ProviderStatusSchema,
  fromZoneId: z.string(),
  fromZoneName: z.string(),
  /** Already serves the zone and has offered more hours. */
  inZone: z.boolean(),
  neighbour: z.boolean(),
  distanceKm: z.number(),
  spareHours: z.number(),
  /** Hours of the gap this candidate alone could close. */
  closesHours: z.number(),
  /** closesHours as a share of the gap (0–1). */
  gapShare: z.number(),
  /** Gap closed by this and every nearer candidate together. */
  cumulativeHours: z.number(),
});

export const ContingencySchema = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  /** Today's shortfall, or (when there is none) the hours at risk if the largest provider left. */
  gapKind: GapKindSchema,
  gapHours: z.number(),
  candidates: z.array(ContingencyCandidateSchema),
  availableHours: z.number(),
  closesGap: z.boolean(),
  needsNewBids: z.boolean(),
  summary: z.string(),
});

export const TransferSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  fromZoneId: z.string(),
  toZoneId: z.string(),
  hours: z.number(),
  distanceKm: z.number(),
});

export const ZoneStateSchema = z.object({ coverage: z.number().nullable(), coverageClass: CoverageClassSchema, flags: z.array(ZoneFlagSchema) });

export const WithdrawalZoneSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  before: ZoneStateSchema,
  after: ZoneStateSchema,
  lostHours: z.number(),
  needHours: z.number(),
  receivedHours: z.number(),
  unmetHours: z.number(),
  transfers: z.array(TransferSchema),
  changed: z.boolean(),
  newlyFlagged: z.boolean(),
});

export const WithdrawalResultSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  cutPercent: z.number(),
  lostHours: z.number(),
  needHours: z.number(),
  reallocatedHours: z.number(),
  unmetHours: z.number(),
  zones: z.array(WithdrawalZoneSchema),
  absorbed: z.array(z.object({ providerId: z.string(), providerName: z.string(), hours: z.number() })),
  newlyFlaggedZones: z.array(z.string()),
  before: PlanMetricsSchema,
  after: PlanMetricsSchema,
  method: z.string(),
});

export type CoverageClass = z.infer<typeof CoverageClassSchema>;
export type ZoneFlag = z.infer<typeof ZoneFlagSchema>;
export type ZoneProvider = z.infer<typeof ZoneProviderSchema>;
export type ZoneMetrics = z.infer<typeof ZoneMetricsSchema>;
export type PlanTotals = z.infer<typeof PlanTotalsSchema>;
export type PlanMetrics = z.infer<typeof PlanMetricsSchema>;
export type GapKind = z.infer<typeof GapKindSchema>;
export type ContingencyCandidate = z.infer<typeof ContingencyCandidateSchema>;
export type Contingency = z.infer<typeof ContingencySchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type ZoneState = z.infer<typeof ZoneStateSchema>;
export type WithdrawalZone = z.infer<typeof WithdrawalZoneSchema>;
export type WithdrawalResult = z.infer<typeof WithdrawalResultSchema>;
