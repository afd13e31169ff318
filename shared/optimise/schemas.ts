import { z } from 'zod';
import { WEIGHT_PRESETS } from './objective';

export const WeightsSchema = z.strictObject({
  shortfall: z.number().min(0).max(1000),
  fragility: z.number().min(0).max(1000),
  compactness: z.number().min(0).max(1000),
  coherence: z.number().min(0).max(1000),
  disruption: z.number().min(0).max(1000),
});

/** Each effort's budget: independent starts, and moves tried per area in each (see ProposeOptions). */
export const EFFORTS = {
  quick: { starts: 2, iterationsPerArea: 50 },
  normal: { starts: 4, iterationsPerArea: 200 },
  thorough: { starts: 8, iterationsPerArea: 1000 },
} as const;

export const WeightPresetSchema = z.enum(Object.keys(WEIGHT_PRESETS) as [keyof typeof WEIGHT_PRESETS, ...(keyof typeof WEIGHT_PRESETS)[]]);

/** What a planner asks for. Weights may be a preset or each weight given; the preset fills in what is left out. */
export const ProposalRequestSchema = z.strictObject({
  /** The starting plan by name; omitted or "current" means the current plan. */
  from: z.string().trim().min(1).max(200).optional(),
  /** The new scenario's name. */
  name: z.string().trim().min(1).max(200),
  zones: z.number().int().min(1).max(5000).optional(),
  /** Zones to keep as they are, besides those the plan already locks. */
  lock: z.array(z.string().min(1).max(100)).max(5000).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  timeLimitSeconds: z.number().gt(0).max(24 * 3600).optional(),
  preset: WeightPresetSchema.optional(),
  /** How long to search: quick for a first look, thorough for the committee version. */
  effort: z.enum(['quick', 'normal', 'thorough']).optional(),
  weights: WeightsSchema.partial().optional(),
  /** Bounds on each zone's demand (hours a week of home care and CHC); default: the starting plan's smallest and largest zone. */
  minDemandHours: z.number().min(0).optional(),
  maxDemandHours: z.number().min(0).optional(),
});
export type ProposalRequest = z.infer<typeof ProposalRequestSchema>;

/** One side of the report: every objective term, under the names the CLI and the UI use. */
export const ProposalTermsSchema = z.object({
  shortfallHours: z.number(),
  liveInWeeksShort: z.number(),
  fragileZones: z.number(),
  /** Cut edges: pairs of neighbouring areas in different zones (fewer is more compact). */
  compactness: z.number(),
  mixedZones: z.number(),
  areasMoved: z.number(),
  peopleMoved: z.number(),
  objective: z.number(),
});
export type ProposalTerms = z.infer<typeof ProposalTermsSchema>;

export const ProposalZoneSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  /** kept: the same areas; changed: areas in or out; new: split off, or made of other zones' areas; merged: no proposed zone continues it (its areas went into others); locked: left as it was. */
  status: z.enum(['kept', 'changed', 'new', 'merged', 'locked']),
  areasBefore: z.number(),
  areasAfter: z.number(),
  demandHours: z.number(),
});

export const ProposalReportSchema = z.object({
  plan: z.string(),
  from: z.string(),
  zones: z.number(),
  seed: z.number(),
  weights: WeightsSchema,
  before: ProposalTermsSchema,
  after: ProposalTermsSchema,
  /** The coverage model's own figures for both plans (netted over lots, as the Zones table shows them). */
  model: z.object({ before: z.object({ shortfallHours: z.number(), fragileZones: z.number() }), after: z.object({ shortfallHours: z.number(), fragileZones: z.number() }) }),
  /** A sentence for the planner: what got better and what got worse. */
  summary: z.string(),
  zoneChanges: z.array(ProposalZoneSchema),
  areasMoved: z.array(z.object({ areaCode: z.string(), fromZone: z.string().nullable(), toZone: z.string() })),
  bounds: z.object({ minDemandHours: z.number(), maxDemandHours: z.number().nullable(), kept: z.boolean() }),
  stoppedBy: z.enum(['budget', 'time']),
  iterations: z.number(),
  starts: z.number(),
  seconds: z.number(),
});
export type ProposalReport = z.infer<typeof ProposalReportSchema>;

export const ProposalJobSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  step: z.string(),
  fraction: z.number().min(0).max(1).nullable(),
  /** The best objective found so far, lower is better (null before the search starts). */
  bestObjective: z.number().nullable(),
  /** The starting plan's objective on the same weights, to show the best against. */
  startObjective: z.number().nullable(),
  result: ProposalReportSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ProposalJob = z.infer<typeof ProposalJobSchema>;
