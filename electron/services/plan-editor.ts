import { ApiError } from '../../shared/api/errors';
import { ZONE_COLOURS } from '../../shared/style/zone-colours';
import { comparePlans, type PlanComparison } from '../../shared/plan/compare';
import type { PlanChecks } from '../../shared/plan/checks';
import type { PlanDelta } from '../../shared/api/contract';
import type { LotFilter } from '../../shared/coverage/supply';
import { parsePlanCsv, planToCsv } from '../../shared/plan/plan-csv';
import { parseCsvText } from '../import/table-file';
import { splitAreas, type SplitShape } from '../../shared/plan/split';
import type { ProjectDb } from '../store/db';
import { history, recordEdit, redo, undo, type EditSummary } from '../store/edits';
import { firstUnknownArea, readAreaGeometries, readAreas, readAssignments, readBands, readProviders, readZones } from '../store/model-data';
import { writeContracts } from '../store/contracts';
import { currentPlanId, deletePlanRow, insertPlan, listPlans, renamePlanRow, resolvePlan, setCurrentPlan, type PlanRow } from '../store/plans';
import { assignAreasTo, copyPlanRows, insertZone, mergeZoneInto, updateZoneRow, zoneOfArea, zoneRow, type ZoneChange } from '../store/zones';
import type { CostService } from './costs';
import type { CoverageService } from './coverage';
import type { ProjectSession } from './project-session';

/** An undone or redone edit; `delta` when it changed only zones and assignments of the plan on screen. */
export type UndoneEdit = EditSummary & { switchedTo: string | null; delta: PlanDelta | null };


/**
 * Zone redesign and scenarios. Every change to a plan is one transaction and
 * one entry in the undo history (store/edits.ts): the project file is the
 * autosave.
 */
export class PlanEditor {
  constructor(
    private readonly session: ProjectSession,
    private readonly coverage: CoverageService,
    private readonly costs: CostService,
  ) {}

  private plan(db: ProjectDb, name?: string): PlanRow {
    return resolvePlan(db, name);
  }

  private zoneRow(db: ProjectDb, planId: number, zoneId: string): { id: string; name: string; locked: number } {
    const zone = zoneRow(db, planId, zoneId);
    if (!zone) throw new ApiError('not-found', `There is no zone "${zoneId}" in this plan.`);
    return zone;
  }

  /**
   * Moves areas into a zone (a brush stroke, a lasso) and answers with what
   * changed, for the lot on screen: one round trip. Locked zones can neither
   * gain nor lose areas.
   */
  assignAreas(planName: string | undefined, zoneId: string, areaCodes: string[], lot: LotFilter = 'all'): PlanDelta {
    const revisionBefore = this.session.revision;
    const moves = new Map<string, string>();
    const touched = new Set<string>([zoneId]);
    const plan = this.session.write((db) => {
      const plan = this.plan(db, planName);
      const target = this.zoneRow(db, plan.id, zoneId);
      if (target.locked) throw new ApiError('invalid-input', `${target.name} is locked: unlock it to paint areas into it.`);
      const unknown = firstUnknownArea(db, areaCodes);
      if (unknown !== undefined) throw new ApiError('not-found', `There is no area "${unknown}" in this project.`);
      for (const code of areaCodes) {
        const source = zoneOfArea(db, plan.id, code);
        if (source?.id === zoneId) continue;
        if (source?.locked) throw new ApiError('invalid-input', `${source.name} is locked: area ${code} cannot leave it.`);
        if (source) touched.add(source.id);
        moves.set(code, zoneId);
      }
      if (moves.size) {
        recordEdit(db, plan.id, `Move ${moves.size} area${moves.size === 1 ? '' : 's'} to ${target.name}`, ['assignments'], () => {
          assignAreasTo(db, plan.id, moves);
        });
      }
      return plan;
    });
    return { ...this.coverage.moved(plan, moves, touched, revisionBefore, lot), history: this.history() };
  }

  createZone(planName: string | undefined, name: string, areaCodes: string[], colour?: string, lot: LotFilter = 'all'): { zoneId: string; delta: PlanDelta } {
    let zoneId = '';
    const touched = new Set<string>();
    const plan = this.session.write((db) => {
      const plan = this.plan(db, planName);
      const zones = readZones(db, plan.id);
      const numbers = zones.map((z) => Number(/^Z(\d+)$/.exec(z.id)?.[1] ?? 0));
      zoneId = `Z${String(Math.max(0, ...numbers) + 1).padStart(2, '0')}`;
      const id = zoneId;
      touched.add(id);
      recordEdit(db, plan.id, `Create zone ${name}`, ['zones', 'assignments'], () => {
        insertZone(db, plan.id, id, name, colour ?? ZONE_COLOURS[zones.length % ZONE_COLOURS.length]!);
        for (const code of areaCodes) {
          const source = zoneOfArea(db, plan.id, code);
          if (source?.locked) throw new ApiError('invalid-input', `${source.name} is locked: area ${code} cannot leave it.`);
          if (source) touched.add(source.id);
        }
        assignAreasTo(db, plan.id, areaCodes.map((code) => [code, id] as const));
      });
      return plan;
    });
    return { zoneId, delta: this.zonesRedrawn(plan, new Map(areaCodes.map((code) => [code, zoneId])), touched, [], lot) };
  }

  /** Merges one zone into another: its areas move (and with them their demand and supply), and it goes. */
  mergeZones(planName: string | undefined, fromId: string, intoId: string, lot: LotFilter = 'all'): PlanDelta {
    const moves = new Map<string, string>();
    const plan = this.session.write((db) => {
      const plan = this.plan(db, planName);
      const from = this.zoneRow(db, plan.id, fromId);
      const into = this.zoneRow(db, plan.id, intoId);
      if (fromId === intoId) throw new ApiError('invalid-input', 'Choose two different zones to merge.');
      if (from.locked || into.locked) throw new ApiError('invalid-input', `${from.locked ? from.name : into.name} is locked.`);
      for (const [code, zoneId] of readAssignments(db, plan.id)) if (zoneId === fromId) moves.set(code, intoId);
      recordEdit(db, plan.id, `Merge ${from.name} into ${into.name}`, ['zones', 'assignments'], () => {
        mergeZoneInto(db, plan.id, fromId, intoId);
      });
      return plan;
    });
    return this.zonesRedrawn(plan, moves, new Set([fromId, intoId]), [fromId], lot);
  }

  /**
   * The delta of an edit that changed which zones there are (a new zone, a
   * merge): the plan is read afresh (its kept models know only the zones it
   * had), and the zones that went are named for the UI to drop.
   */
  private zonesRedrawn(plan: PlanRow, moves: ReadonlyMap<string, string | null>, touched: ReadonlySet<string>, removed: string[], lot: LotFilter): PlanDelta {
    const delta = this.coverage.moved(plan, moves, new Set([...touched].filter((z) => !removed.includes(z))), null, lot);
    return { ...delta, removedZones: removed, history: this.history() };
  }

  /** Splits a zone along a drawn line or polygon: its areas on the new side form a new zone. */
  splitZone(planName: string | undefined, zoneId: string, shape: SplitShape, newName: string, lot: LotFilter = 'all'): { zoneId: string; areas: string[]; delta: PlanDelta } {
    const db = this.session.db();
    const plan = this.plan(db, planName);
    const zone = this.zoneRow(db, plan.id, zoneId);
    if (zone.locked) throw new ApiError('invalid-input', `${zone.name} is locked.`);
    const geometries = readAreaGeometries(db);
    const own = new Map([...readAssignments(db, plan.id)].filter(([, z]) => z === zoneId).map(([code]) => [code, geometries.get(code)!]));
    const moving = splitAreas(own, shape);
    if (moving.length === 0 || moving.length === own.size) throw new ApiError('invalid-input', `That ${shape.type} does not divide ${zone.name}: every area falls on one side.`);
    return { ...this.createZone(planName, newName, moving, undefined, lot), areas: moving };
  }

  updateZone(planName: string | undefined, zoneId: string, change: ZoneChange, lot: LotFilter = 'all'): PlanDelta {
    const plan = this.session.write((db) => {
      const plan = this.plan(db, planName);
      const zone = this.zoneRow(db, plan.id, zoneId);
      if (change.bandOverride) {
        const bands = readBands(db);
        if (!bands.some((b) => b.id === change.bandOverride)) throw new ApiError('invalid-input', `There is no rate band "${change.bandOverride}". Bands: ${bands.map((b) => b.id).join(', ')}.`);
      }
      const what =
        change.locked !== undefined
          ? change.locked
            ? `Lock ${zone.name}`
            : `Unlock ${zone.name}`
          : change.bandOverride !== undefined
            ? change.bandOverride === null
              ? `Band of ${zone.name} from its rural share`
              : `Put ${zone.name} in the ${change.bandOverride} band`
            : `Change ${zone.name}`;
      recordEdit(db, plan.id, what, ['zones'], () => {
        updateZoneRow(db, plan.id, zoneId, change);
      });
      return plan;
    });
    return { ...this.coverage.zonesChanged(plan, [zoneId], lot), history: this.history() };
  }

  /**
   * Undoes the last edit. Undo is the project's, but an edit belongs to a
   * plan: undoing one of another plan than the one on screen switches to
   * that plan (in the same transaction) and says so, so nothing changes
   * out of sight.
   */
  /**
   * Sets what a provider is contracted to take in a zone, as a capacity
   * import does (spread over the zone's areas; delivered hours stay): one
   * undoable edit. Zero ends the contract.
   */
  setContract(planName: string | undefined, providerId: string, zoneId: string, committedHours: number, additionalHours = 0, lot: LotFilter = 'all'): PlanDelta {
    const plan = this.session.write((db) => {
      const plan = this.plan(db, planName);
      const zone = this.zoneRow(db, plan.id, zoneId);
      const provider = readProviders(db).find((p) => p.id === providerId);
      if (!provider) throw new ApiError('not-found', `There is no provider "${providerId}".`);
      recordEdit(db, plan.id, `Set ${provider.name}'s contract in ${zone.name} to ${committedHours.toLocaleString('en-GB')} hours a week`, ['supply'], () =>
        writeContracts(db, plan.id, [{ providerId, zoneId, contractedHours: committedHours, additionalHours }], this.coverage.areaCentres()),
      );
      return plan;
    });
    return { ...this.coverage.zonesChanged(plan, [zoneId], lot), history: this.history() };
  }

  undo(lot: LotFilter = 'all'): UndoneEdit | null {
    return this.undoOrRedo(undo, lot);
  }

  redo(lot: LotFilter = 'all'): UndoneEdit | null {
    return this.undoOrRedo(redo, lot);
  }

  /**
   * An undo or redo that only moved areas of the plan on screen answers with
   * the same delta a paint does (the UI applies it in place); one that put a
   * contract back answers as setContract does; one that put settings back
   * answers with every zone's figures and the settings; anything else
   * (an edit of another plan, or of several kinds of rows) leaves the UI to
   * read afresh.
   */
  private undoOrRedo(step: (db: ProjectDb) => EditSummary | null, lot: LotFilter): UndoneEdit | null {
    const revisionBefore = this.session.revision;
    let current: PlanRow | undefined;
    const edit = this.session.write((db) => {
      const done = this.followPlan(db, step(db));
      current = listPlans(db).find((p) => p.id === currentPlanId(db));
      return done;
    });
    if (!edit) return null;
    const change = edit.changed;
    // Settings belong to no plan: the plan on screen is refigured throughout.
    if (edit.settingsOnly && current) return { ...edit, delta: { ...this.coverage.zonesChanged(current, 'every', lot), settings: this.coverage.settings(), history: this.history() } };
    if (edit.switchedTo !== null || !current || edit.planId !== current.id) return { ...edit, delta: null };
    // A contract back as it was: the zones holding its areas answer as setContract's do.
    if (edit.supplyAreas) {
      const zoneOf = readAssignments(this.session.db(), current.id);
      const zones = [...new Set(edit.supplyAreas.map((code) => zoneOf.get(code)).filter((z): z is string => z !== undefined))];
      return { ...edit, delta: { ...this.coverage.zonesChanged(current, zones, lot), history: this.history() } };
    }
    if (!change) return { ...edit, delta: null };
    const touched = new Set([...change.from, ...change.zones, ...[...change.to.values()].filter((z): z is string => z !== null)]);
    // Only areas moved between zones that stay: patched in place as a paint is. Zones made, gone or changed: read afresh.
    if (change.zones.size === 0 && change.removed.length === 0) return { ...edit, delta: { ...this.coverage.moved(current, change.to, touched, revisionBefore, lot), history: this.history() } };
    return { ...edit, delta: this.zonesRedrawn(current, change.to, touched, change.removed, lot) };
  }

  private followPlan(db: ProjectDb, edit: EditSummary | null): (EditSummary & { switchedTo: string | null }) | null {
    if (!edit) return null;
    if (edit.planId === null || edit.planId === currentPlanId(db)) return { ...edit, switchedTo: null };
    const plan = listPlans(db).find((p) => p.id === edit.planId);
    if (!plan) return { ...edit, switchedTo: null };
    setCurrentPlan(db, plan.id);
    return { ...edit, switchedTo: plan.name };
  }

  history(): { canUndo: string | null; canRedo: string | null } {
    const db = this.session.db();
    return history(db, currentPlanId(db));
  }

  // ---- scenarios ------------------------------------------------------------

  copyPlan(fromName: string, newName: string): PlanRow {
    return this.session.write((db) => {
      const from = this.plan(db, fromName);
      if (listPlans(db).some((p) => p.name.toLowerCase() === newName.toLowerCase())) throw new ApiError('invalid-input', `There is already a plan called "${newName}".`);
      const id = insertPlan(db, newName);
      copyPlanRows(db, from.id, id);
      return listPlans(db).find((p) => p.id === id)!;
    });
  }

  renamePlan(name: string, newName: string): void {
    this.session.write((db) => {
      const plan = this.plan(db, name);
      if (listPlans(db).some((p) => p.id !== plan.id && p.name.toLowerCase() === newName.toLowerCase())) throw new ApiError('invalid-input', `There is already a plan called "${newName}".`);
      renamePlanRow(db, plan.id, newName);
    });
  }

  switchPlan(name: string): void {
    this.session.write((db) => setCurrentPlan(db, this.plan(db, name).id));
  }

  deletePlan(name: string): void {
    this.session.write((db) => {
      const plan = this.plan(db, name);
      const plans = listPlans(db);
      if (plans.length === 1) throw new ApiError('invalid-input', 'A project needs at least one plan: this is the last one.');
      deletePlanRow(db, plan.id);
      if (currentPlanId(db) === plan.id || !plans.some((p) => p.id === currentPlanId(db))) setCurrentPlan(db, plans.find((p) => p.id !== plan.id)!.id);
    });
  }

  compare(a: string, b: string): PlanComparison & { a: string; b: string } {
    const db = this.session.db();
    const planA = this.plan(db, a);
    const planB = this.plan(db, b);
    const comparison = comparePlans(
      { metrics: this.coverage.metrics(planA.name).metrics, assignments: readAssignments(db, planA.id) },
      { metrics: this.coverage.metrics(planB.name).metrics, assignments: readAssignments(db, planB.id) },
      new Map(readAreas(db).map((area) => [area.code, area.name])),
    );
    // Every pricing scenario's cost over the framework's term, for both plans.
    const [termA, termB] = [this.costs.compare(planA.name).rows, this.costs.compare(planB.name).rows];
    const term = termA.map((row, i) => ({ measure: `Cost over the term, ${row.scenario} (£)`, a: row.termTotal, b: termB[i]!.termTotal, difference: termB[i]!.termTotal - row.termTotal }));
    return { a: planA.name, b: planB.name, rows: [...comparison.rows, ...term], zones: comparison.zones, areasMoved: comparison.areasMoved };
  }

  checks(planName?: string, minimumDemandHours?: number): PlanChecks {
    return this.coverage.checks(planName, minimumDemandHours);
  }

  exportCsv(planName?: string): string {
    const db = this.session.db();
    const plan = this.plan(db, planName);
    const names = new Map(readZones(db, plan.id).map((z) => [z.id, z.name]));
    return planToCsv([...readAssignments(db, plan.id)].sort(([x], [y]) => x.localeCompare(y)).map(([areaCode, zoneId]) => ({ areaCode, zoneId, zoneName: names.get(zoneId) ?? '' })));
  }

  /** Applies an area→zone CSV as one undoable edit; unknown areas or zones reject it whole. */
  assignCsv(planName: string | undefined, csv: string, fileName = 'the plan file'): { moved: number } {
    const db = this.session.db();
    const plan = this.plan(db, planName);
    let table: ReturnType<typeof parseCsvText>;
    try {
      table = parseCsvText(csv.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ApiError('invalid-input', `${fileName} was not applied, nothing changed: ${(error as Error).message}`);
    }
    const { rows, problems } = parsePlanCsv(table.header, table.rows);
    const areas = new Set(readAreas(db).map((a) => a.code));
    const zones = new Set(readZones(db, plan.id).map((z) => z.id));
    for (const row of rows) {
      if (!areas.has(row.areaCode)) problems.push(`line ${row.line}, area_code: there is no area "${row.areaCode}" in this project`);
      if (!zones.has(row.zoneId)) problems.push(`line ${row.line}, zone_id: there is no zone "${row.zoneId}" in plan "${plan.name}"`);
    }
    if (problems.length) throw new ApiError('invalid-input', `${fileName} was not applied, nothing changed: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}`, problems);
    const current = readAssignments(db, plan.id);
    const moves = rows.filter((r) => current.get(r.areaCode) !== r.zoneId);
    this.session.write((w) => {
      recordEdit(w, plan.id, `Apply ${fileName} (${moves.length} areas)`, ['assignments'], () => assignAreasTo(w, plan.id, moves.map((r) => [r.areaCode, r.zoneId] as const)));
    });
    return { moved: moves.length };
  }
}
