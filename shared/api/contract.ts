import { z } from 'zod';
import { ContingencySchema, LotFilterSchema, PlanMetricsSchema, PlanTotalsSchema, WithdrawalResultSchema, ZoneMetricsSchema } from '../coverage/schemas';
import { IsoDateSchema, LotSchema, ProviderSchema, RateBandSchema, SettingsFieldsSchema, SettingsSchema } from '../domain/schemas';
import type { AreaGeometry as AreaGeometryType } from '../geo/types';
import type { LayerBundle } from '../geo/layer-bundle';
import { ExportRequestSchema } from '../export/request';
import { ImportJobSchema, ImportRecordSchema, ImportRequestSchema, ProjectCountsSchema } from '../import/request';
import { BandCostInputsSchema, CostsReportSchema, FrameworkTermSchema, PricingScenarioSchema, ScenarioChangeSchema, ScenarioComparisonSchema } from '../costs/schemas';
import { MonthSchema, ReopeningBriefSchema, SnapshotInfoSchema, TimelineSchema, TransitionSchema, TrendSchema } from '../time/schemas';
import { ProposalJobSchema, ProposalRequestSchema } from '../optimise/schemas';
import { FileRefSchema } from './file-ref';
import type { ApiMethod } from './methods';

/**
 * The one API contract between the UI and the services. Each method is
 * declared once with a request and a response schema; hosts validate every
 * request against it and the renderer's client is typed from it.
 */

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  /** True when the data is the embedded sample (fictional providers, modelled demand). */
  isSample: z.boolean(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  /** Attribution lines every map or export of this project must carry. */
  attributions: z.array(z.string()),
  /** Whether it has a zone plan to show: an empty project has none until a zone plan is imported, and nothing of a plan is asked for before. */
  hasPlan: z.boolean(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const RecentProject = z.object({
  /** Where it is, to show. */
  path: z.string(),
  /** What to pass to openProject: the path itself, or in Electron a handle for it. */
  file: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  /** Electron offers native open/save dialogs; the browser host asks for a path instead. */
  nativeDialogs: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const PlanSummary = z.object({ id: z.number().int(), name: z.string(), createdAt: z.string(), isCurrent: z.boolean() });
export type PlanSummary = z.infer<typeof PlanSummary>;

export const ModelSettings = z.object({ settings: SettingsSchema, bands: z.array(RateBandSchema), lots: z.array(LotSchema), asAt: z.string() });
export type ModelSettings = z.infer<typeof ModelSettings>;

/** Area geometries are checked for their kind only: a deep check of every coordinate would cost more than it could catch here. */
const AreaGeometry = z.custom<AreaGeometryType>(
  (v) => typeof v === 'object' && v !== null && ['Polygon', 'MultiPolygon'].includes((v as { type?: string }).type ?? '') && Array.isArray((v as { coordinates?: unknown }).coordinates),
  'a GeoJSON Polygon or MultiPolygon',
);

/**
 * A plan's map as getMapData sends it: the plan's state (the zone of each
 * area, zone outlines) and what is drawn over it. The areas themselves (their
 * rings, codes, names and districts) and the district outlines, the largest
 * and most static part, travel apart as bytes (getAreaLayer,
 * shared/geo/layer-bundle.ts), once per `layerRevision`.
 */
export const MapState = z.object({
  plan: z.object({ id: z.number().int(), name: z.string() }),
  /** Each area's zone, in the layer's order (area i is the layer's areas.codes[i]). */
  zoneIds: z.array(z.string().nullable()),
  /** Names this project's areas as they are: it changes whenever an area does (an import), and differs between projects. */
  layerRevision: z.string(),
  /** Outlines as base64 Float32 longitude/latitude pairs, a NaN pair between lines (shared/geo/packed-lines.ts). */
  zoneOutlines: z.array(z.object({ zoneId: z.string(), lines: z.string() })),
  places: z.array(z.object({ name: z.string(), lat: z.number(), lon: z.number() })),
  /** [[south, west], [north, east]] */
  bounds: z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]).nullable(),
});
export type MapState = z.infer<typeof MapState>;
/**
 * A plan's whole map, as the page holds it: the plan's state with the area
 * layer of its revision, each area's code, name, district and zone side by
 * side (mapDataOf in plan-delta.ts).
 */
export type MapData = Omit<MapState, 'zoneIds'> & {
  areas: LayerBundle['areas'] & { zoneIds: (string | null)[] };
  districtOutlines: LayerBundle['districtOutlines'];
  layer: LayerBundle;
};
/** The area layer's bytes (a packed LayerBundle). */
const LayerBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'the area layer as bytes');

const noArgs = z.strictObject({});

/** What Undo and Redo would do next, in words (null when there is nothing). */
export const History = z.object({
  canUndo: z.string().nullable(),
  canRedo: z.string().nullable(),
  /** After an undo or redo of another plan's edit: the plan now on screen. */
  switchedTo: z.string().nullable().optional(),
});
export type History = z.infer<typeof History>;
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #4e79a7');

export const PlanComparisonSchema = z.object({
  a: z.string(),
  b: z.string(),
  rows: z.array(z.object({ measure: z.string(), a: z.number(), b: z.number(), difference: z.number() })),
  zones: z.array(
    z.object({
      zoneId: z.string(),
      nameA: z.string().nullable(),
      nameB: z.string().nullable(),
      areasA: z.number().nullable(),
      areasB: z.number().nullable(),
      coverageA: z.number().nullable(),
      coverageB: z.number().nullable(),
      shortA: z.number().nullable(),
      shortB: z.number().nullable(),
    }),
  ),
  areasMoved: z.array(z.object({ areaCode: z.string(), areaName: z.string(), fromZone: z.string().nullable(), fromZoneName: z.string().nullable(), toZone: z.string().nullable(), toZoneName: z.string().nullable() })),
});
export const PlanChecksSchema = z.object({
  disconnected: z.array(z.object({ zoneId: z.string(), pieces: z.array(z.array(z.string())) })),
  emptyZones: z.array(z.string()),
  belowMinimumDemand: z.array(z.object({ zoneId: z.string(), demandHours: z.number() })),
  unassignedAreas: z.array(z.string()),
});
/**
 * What an edit that moved areas changed, for the UI to apply in place of
 * reloading: the moved areas' new zones, the whole outlines and the metrics
 * (for the lot asked for) of the zones the edit touched, the plan's totals,
 * its checks and the undo history. Zones not listed are as they were.
 */
export const PlanDelta = z.object({
  plan: z.object({ id: z.number().int(), name: z.string() }),
  lot: LotFilterSchema,
  /** [area code, its zone now (null: in none)], for the areas whose zone changed. */
  assignments: z.array(z.tuple([z.string(), z.string().nullable()])),
  zoneOutlines: MapState.shape.zoneOutlines,
  zones: z.array(ZoneMetricsSchema),
  totals: PlanTotalsSchema,
  checks: PlanChecksSchema,
  history: History,
  /** Zones the edit did away with (a merge): dropped from the map and the figures. */
  removedZones: z.array(z.string()).optional(),
  /** The model's settings now, when the edit changed them (an undone or redone settings change): then every zone is listed. */
  settings: ModelSettings.optional(),
});
export type PlanDelta = z.infer<typeof PlanDelta>;
/** After undo or redo: the history, and the delta when it moved areas of the plan on screen, set a contract or changed the settings (the lot asked for). */
export const UndoResult = History.extend({ delta: PlanDelta.nullable() });

/** A plan by name; omitted or "current" means the current plan. */
const planName = z.string().trim().min(1).max(200).optional();
const CostsView = z.strictObject({ plan: planName, scenario: z.string().trim().min(1).max(80).optional(), change: ScenarioChangeSchema.optional() });

export const contract = {
  getAppInfo: { request: noArgs, response: AppInfo },
  getProject: { request: noArgs, response: ProjectInfo.nullable() },
  openProject: { request: z.strictObject({ path: FileRefSchema }), response: ProjectInfo },
  createProject: {
    request: z.strictObject({
      path: FileRefSchema,
      template: z.enum(['default', 'empty']),
      overwrite: z.boolean().optional(),
    }),
    response: ProjectInfo,
  },
  saveProjectAs: { request: z.strictObject({ path: FileRefSchema, overwrite: z.boolean().optional() }), response: ProjectInfo },
  listRecentProjects: { request: noArgs, response: z.array(RecentProject) },
  /** Native dialog (Electron only); `path` is a handle to pass to openProject, createProject or saveProjectAs. */
  chooseProjectFile: {
    request: z.strictObject({ purpose: z.enum(['open', 'save']) }),
    response: z.object({ path: z.string().nullable() }),
  },
  listPlans: { request: noArgs, response: z.array(PlanSummary) },
  getMapData: { request: z.strictObject({ plan: planName }), response: MapState },
  getAreaLayer: { request: z.strictObject({ overview: z.boolean().optional() }), response: LayerBytes },
  getPlanMetrics: {
    request: z.strictObject({ plan: planName, lot: LotFilterSchema.optional() }),
    response: z.object({ plan: z.object({ id: z.number().int(), name: z.string(), createdAt: z.string() }), metrics: PlanMetricsSchema }),
  },
  listProviders: { request: noArgs, response: z.array(ProviderSchema) },
  getContingency: { request: z.strictObject({ zoneId: z.string().min(1), plan: planName, lot: LotFilterSchema.optional() }), response: ContingencySchema },
  simulateWithdrawal: {
    request: z.strictObject({
      providerId: z.string().min(1),
      cutPercent: z.number().gt(0, 'the cut must be more than 0%').max(100, 'the cut must be at most 100%').optional(),
      plan: planName,
      lot: LotFilterSchema.optional(),
    }),
    response: WithdrawalResultSchema,
  },
  getSettings: { request: noArgs, response: ModelSettings },
  previewMap: { request: z.strictObject({ request: ExportRequestSchema }), response: z.object({ svg: z.string() }) },
  /** Writes the export to `path` (Electron, CLI) or, without a path, sends it back for the browser to download. */
  exportDocument: {
    request: z.strictObject({ request: ExportRequestSchema, path: FileRefSchema.optional() }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), bytes: z.number().int(), path: z.string().nullable(), base64: z.string().nullable() }),
  },
  /** Native save dialog for an export (Electron only); `path` is a handle to pass to exportDocument. */
  chooseExportFile: { request: z.strictObject({ fileName: z.string().min(1).max(255) }), response: z.object({ path: z.string().nullable() }) },
  /** The choices of this project's last export, to start the dialog from. */
  getExportChoices: { request: noArgs, response: z.object({ choices: z.record(z.string(), z.unknown()).nullable() }) },
  /** One round trip: the answer is everything the edit changed, for the lot on screen. */
  assignAreas: { request: z.strictObject({ plan: planName, zoneId: z.string().min(1), areaCodes: z.array(z.string().min(1)).min(1).max(100_000), lot: LotFilterSchema.optional() }), response: PlanDelta },
  createZone: {
    request: z.strictObject({ plan: planName, name: z.string().trim().min(1).max(200), areaCodes: z.array(z.string().min(1)).max(100_000), colour: Colour.optional(), lot: LotFilterSchema.optional() }),
    response: z.object({ zoneId: z.string(), delta: PlanDelta }),
  },
  mergeZones: { request: z.strictObject({ plan: planName, from: z.string().min(1), into: z.string().min(1), lot: LotFilterSchema.optional() }), response: PlanDelta },
  splitZone: {
    request: z.strictObject({
      plan: planName,
      zoneId: z.string().min(1),
      name: z.string().trim().min(1).max(200),
      shape: z.object({ type: z.enum(['line', 'polygon']), coordinates: z.array(z.tuple([z.number(), z.number()])).min(2).max(10_000) }),
      lot: LotFilterSchema.optional(),
    }),
    response: z.object({ zoneId: z.string(), areas: z.array(z.string()), delta: PlanDelta }),
  },
  updateZone: {
    request: z.strictObject({
      plan: planName,
      zoneId: z.string().min(1),
      name: z.string().trim().min(1).max(200).optional(),
      colour: Colour.optional(),
      locked: z.boolean().optional(),
      /** A rate band to price the zone in whatever its rural share, or null to go back to the share. */
      bandOverride: z.string().min(1).max(100).nullable().optional(),
      lot: LotFilterSchema.optional(),
    }),
    /** The zone's new figures, the totals, the checks and the history (no area moved). */
    response: PlanDelta,
  },
  /** A provider's contracted (committed) and additional hours a week in a zone, spread over its areas as a capacity import does. */
  setContract: {
    request: z.strictObject({
      plan: planName,
      providerId: z.string().min(1).max(100),
      zoneId: z.string().min(1).max(100),
      committedHours: z.number().min(0).max(1_000_000),
      additionalHours: z.number().min(0).max(1_000_000).optional(),
      lot: LotFilterSchema.optional(),
    }),
    response: PlanDelta,
  },
  undo: { request: z.strictObject({ lot: LotFilterSchema.optional() }), response: UndoResult },
  redo: { request: z.strictObject({ lot: LotFilterSchema.optional() }), response: UndoResult },
  getHistory: { request: noArgs, response: History },
  copyPlan: { request: z.strictObject({ from: z.string().min(1), name: z.string().trim().min(1).max(200) }), response: PlanSummary },
  renamePlan: { request: z.strictObject({ name: z.string().min(1), newName: z.string().trim().min(1).max(200) }), response: z.array(PlanSummary) },
  switchPlan: { request: z.strictObject({ name: z.string().min(1) }), response: z.array(PlanSummary) },
  /** Deleting needs `confirm: true`: the UI asks first. */
  deletePlan: { request: z.strictObject({ name: z.string().min(1), confirm: z.literal(true) }), response: z.array(PlanSummary) },
  comparePlans: { request: z.strictObject({ a: z.string().min(1), b: z.string().min(1) }), response: PlanComparisonSchema },
  getPlanChecks: { request: z.strictObject({ plan: planName, minimumDemandHours: z.number().min(0).optional() }), response: PlanChecksSchema },
  exportPlanCsv: { request: z.strictObject({ plan: planName }), response: z.object({ csv: z.string() }) },
  assignPlanCsv: { request: z.strictObject({ plan: planName, csv: z.string().max(50_000_000), fileName: z.string().max(255).optional() }), response: z.object({ moved: z.number().int(), history: History }) },
  updateSettings: {
    request: z.strictObject({
      settings: SettingsFieldsSchema.partial().optional(),
      bands: z.array(RateBandSchema).optional(),
      lots: z.array(LotSchema).optional(),
      asAt: IsoDateSchema.optional(),
    }),
    response: ModelSettings,
  },
  /** Starts checking (`preview`) or importing a file in the background; poll getImportJob for progress and the outcome. */
  startImport: { request: z.strictObject({ request: ImportRequestSchema, mode: z.enum(['preview', 'import']) }), response: z.object({ jobId: z.string() }) },
  getImportJob: { request: z.strictObject({ jobId: z.string().min(1).max(100) }), response: ImportJobSchema },
  cancelImport: { request: z.strictObject({ jobId: z.string().min(1).max(100) }), response: z.object({ cancelled: z.boolean() }) },
  listImports: { request: noArgs, response: z.object({ imports: z.array(ImportRecordSchema) }) },
  getProjectCounts: { request: noArgs, response: ProjectCountsSchema },
  /** A key that changes when another program (the CLI, a second window) has saved to the open project: views poll it and reload. */
  getOutsideChanges: { request: noArgs, response: z.object({ key: z.string() }) },
  /** A plan's costs under a saved pricing scenario (the base by default) with unsaved changes applied. */
  getCosts: { request: CostsView, response: CostsReportSchema },
  /** Edits return the costs of the view the window shows, so the Costs tab applies one answer. */
  setCostInputs: { request: z.strictObject({ row: BandCostInputsSchema, view: CostsView }), response: CostsReportSchema },
  setFrameworkTerm: { request: z.strictObject({ term: FrameworkTermSchema, view: CostsView }), response: CostsReportSchema },
  savePricingScenario: { request: z.strictObject({ scenario: PricingScenarioSchema, view: CostsView }), response: CostsReportSchema },
  deletePricingScenario: { request: z.strictObject({ name: z.string().min(1).max(80), view: CostsView }), response: CostsReportSchema },
  comparePricingScenarios: { request: z.strictObject({ plan: planName }), response: ScenarioComparisonSchema },
  listSnapshots: { request: noArgs, response: z.array(SnapshotInfoSchema) },
  /** Saves the model as it stands as the month's snapshot (replacing one of that month). */
  saveSnapshot: { request: z.strictObject({ month: MonthSchema }), response: z.array(SnapshotInfoSchema) },
  deleteSnapshot: { request: z.strictObject({ month: MonthSchema }), response: z.array(SnapshotInfoSchema) },
  getTrend: { request: z.strictObject({ plan: planName, lot: LotFilterSchema.default('all') }), response: TrendSchema },
  getTimeline: { request: z.strictObject({ at: IsoDateSchema.optional() }), response: TimelineSchema },
  /** null goes back to the default re-openings (the end of year one and of year five). */
  setReopenings: { request: z.strictObject({ dates: z.array(IsoDateSchema).max(20).nullable() }), response: TimelineSchema },
  getTransition: { request: z.strictObject({ providerId: z.string().min(1).max(100), plan: planName }), response: TransitionSchema },
  /** Starts a zone proposal in the background; poll getProposalJob for progress and the report. The proposal is written as a new plan. */
  startProposal: { request: z.strictObject({ request: ProposalRequestSchema }), response: z.object({ jobId: z.string() }) },
  getProposalJob: { request: z.strictObject({ jobId: z.string().min(1).max(100) }), response: ProposalJobSchema },
  cancelProposal: { request: z.strictObject({ jobId: z.string().min(1).max(100) }), response: z.object({ cancelled: z.boolean() }) },
  getReopeningBrief: { request: z.strictObject({ plan: planName, date: IsoDateSchema.optional() }), response: ReopeningBriefSchema },
} satisfies Record<ApiMethod, { request: z.ZodType; response: z.ZodType }>;

// Fails to compile if contract declares a method that methods.ts does not list.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const contractMatchesMethods: Exact<keyof typeof contract, ApiMethod> = true;
void contractMatchesMethods;

export type Contract = typeof contract;
export type ApiRequest<M extends ApiMethod> = z.input<Contract[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<Contract[M]['response']>;

/** The typed surface the renderer calls, whichever host it runs in. */
export type Api = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };
/** What a host implements: the same methods, receiving already-validated requests. */
export type ApiHandlers = { [M in ApiMethod]: (request: z.output<Contract[M]['request']>) => ApiResponse<M> | Promise<ApiResponse<M>> };
