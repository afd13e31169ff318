import { ApiError } from '../../shared/api/errors';
import type { ProjectDb } from './db';
import { readMeta, writeMeta } from './project-meta';
import { statement } from './statements';

export interface PlanRow {
  id: number;
  name: string;
  createdAt: string;
}

export function listPlans(db: ProjectDb): PlanRow[] {
  return statement(db, 'SELECT id, name, created_at AS createdAt FROM plans ORDER BY id').all() as PlanRow[];
}

export function currentPlanId(db: ProjectDb): number | null {
  const id = Number(readMeta(db).current_plan_id);
  if (Number.isInteger(id) && statement(db, 'SELECT 1 FROM plans WHERE id = ?').get(id)) return id;
  return listPlans(db)[0]?.id ?? null;
}

export function setCurrentPlan(db: ProjectDb, planId: number): void {
  writeMeta(db, { current_plan_id: String(planId) });
}

/** Whether the project has a plan to show (resolvePlan() then gives one for undefined): any plan, as the first stands in for a current one that is gone. */
export function hasCurrentPlan(db: ProjectDb): boolean {
  return currentPlanId(db) !== null;
}

/** A plan by name (case-insensitive), or the current plan for undefined / "current". */
export function resolvePlan(db: ProjectDb, name?: string): PlanRow {
  const plans = listPlans(db);
  if (name === undefined || name === 'current') {
    const id = currentPlanId(db);
    const plan = plans.find((p) => p.id === id);
    if (!plan) throw new ApiError('no-plan', 'This project has no zone plan yet: import zones or a plan first.');
    return plan;
  }
  const plan = plans.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (!plan) throw new ApiError('not-found', `There is no plan called "${name}". Plans: ${plans.map((p) => p.name).join(', ') || 'none'}.`);
  return plan;
}

export function insertPlan(db: ProjectDb, name: string, createdAt = new Date().toISOString()): number {
  return Number(db.prepare('INSERT INTO plans (name, created_at) VALUES (?, ?)').run(name, createdAt).lastInsertRowid);
}

/** Refuses a plan name already taken (names are compared without case, as resolvePlan finds them). */
export function assertPlanNameFree(db: ProjectDb, name: string): void {
  if (listPlans(db).some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new ApiError('invalid-input', `There is already a plan called "${name}".`);
}

export interface PlanZoneRow {
  id: string;
  name: string;
  colour: string;
  bandOverride: string | null;
  locked: boolean;
}

/** A whole new plan, its zones and every area's zone; the caller's transaction makes it all or nothing. */
export function insertPlanWithZones(db: ProjectDb, name: string, zones: readonly PlanZoneRow[], assignments: readonly (readonly [string, string])[]): number {
  assertPlanNameFree(db, name);
  const id = insertPlan(db, name);
  const zone = db.prepare('INSERT INTO zones (plan_id, id, name, colour, band_override, locked) VALUES (?, ?, ?, ?, ?, ?)');
  for (const z of zones) zone.run(id, z.id, z.name, z.colour, z.bandOverride, z.locked ? 1 : 0);
  const assign = db.prepare('INSERT INTO assignments (plan_id, area_code, zone_id) VALUES (?, ?, ?)');
  for (const [area, zoneId] of assignments) assign.run(id, area, zoneId);
  return id;
}

/** The ids of a plan's locked zones. */
export function lockedZoneIds(db: ProjectDb, planId: number): string[] {
  return (db.prepare('SELECT id FROM zones WHERE plan_id = ? AND locked = 1 ORDER BY id').raw().all(planId) as [string][]).map(([id]) => id);
}

export function renamePlanRow(db: ProjectDb, planId: number, name: string): void {
  db.prepare('UPDATE plans SET name = ? WHERE id = ?').run(name, planId);
}

/** Removes a plan; its zones and assignments go with it (foreign keys cascade). */
export function deletePlanRow(db: ProjectDb, planId: number): void {
  db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
}
