import type { ProjectDb } from './db';
import { statement } from './statements';

/** A plan's zones and the areas in them, as the plan editor changes them (each call inside the caller's transaction). */

export interface ZoneRow {
  id: string;
  name: string;
  locked: number;
}

export function zoneRow(db: ProjectDb, planId: number, zoneId: string): ZoneRow | undefined {
  return db.prepare('SELECT id, name, locked FROM zones WHERE plan_id = ? AND id = ?').get(planId, zoneId) as ZoneRow | undefined;
}

/** The zone an area is in under a plan, with whether it is locked; undefined when the area has none. */
export function zoneOfArea(db: ProjectDb, planId: number, areaCode: string): ZoneRow | undefined {
  return statement(db, 'SELECT z.id, z.name, z.locked FROM assignments a JOIN zones z ON z.plan_id = a.plan_id AND z.id = a.zone_id WHERE a.plan_id = ? AND a.area_code = ?').get(planId, areaCode) as ZoneRow | undefined;
}

/** Puts each area into a zone (adding the area to the plan when it had none). */
export function assignAreasTo(db: ProjectDb, planId: number, moves: Iterable<readonly [areaCode: string, zoneId: string]>): void {
  const set = statement(db, 'INSERT INTO assignments (plan_id, area_code, zone_id) VALUES (?, ?, ?) ON CONFLICT(plan_id, area_code) DO UPDATE SET zone_id = excluded.zone_id');
  for (const [area, zone] of moves) set.run(planId, area, zone);
}

export function insertZone(db: ProjectDb, planId: number, id: string, name: string, colour: string): void {
  db.prepare('INSERT INTO zones (plan_id, id, name, colour) VALUES (?, ?, ?, ?)').run(planId, id, name, colour);
}

/** Moves every area of one zone into another and removes the first. */
export function mergeZoneInto(db: ProjectDb, planId: number, fromId: string, intoId: string): void {
  db.prepare('UPDATE assignments SET zone_id = ? WHERE plan_id = ? AND zone_id = ?').run(intoId, planId, fromId);
  db.prepare('DELETE FROM zones WHERE plan_id = ? AND id = ?').run(planId, fromId);
}

export interface ZoneChange {
  name?: string;
  colour?: string;
  locked?: boolean;
  bandOverride?: string | null;
}

export function updateZoneRow(db: ProjectDb, planId: number, zoneId: string, change: ZoneChange): void {
  if (change.bandOverride !== undefined) db.prepare('UPDATE zones SET band_override = ? WHERE plan_id = ? AND id = ?').run(change.bandOverride, planId, zoneId);
  if (change.name !== undefined) db.prepare('UPDATE zones SET name = ? WHERE plan_id = ? AND id = ?').run(change.name, planId, zoneId);
  if (change.colour !== undefined) db.prepare('UPDATE zones SET colour = ? WHERE plan_id = ? AND id = ?').run(change.colour, planId, zoneId);
  if (change.locked !== undefined) db.prepare('UPDATE zones SET locked = ? WHERE plan_id = ? AND id = ?').run(change.locked ? 1 : 0, planId, zoneId);
}

/** Copies one plan's zones and assignments into another (new, empty) plan. */
export function copyPlanRows(db: ProjectDb, fromPlanId: number, toPlanId: number): void {
  db.prepare('INSERT INTO zones (plan_id, id, name, colour, band_override, locked) SELECT ?, id, name, colour, band_override, locked FROM zones WHERE plan_id = ?').run(toPlanId, fromPlanId);
  db.prepare('INSERT INTO assignments (plan_id, area_code, zone_id) SELECT ?, area_code, zone_id FROM assignments WHERE plan_id = ?').run(toPlanId, fromPlanId);
}
