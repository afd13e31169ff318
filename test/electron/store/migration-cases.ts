import type { ProjectDb } from '../../../electron/store/db';
import { geometryBlob } from '../../../electron/store/geometry-column';
import { readAreaGeometries } from '../../../electron/store/model-data';

/**
 * For every migration N: rows to put in a project at schema N-1, and what must
 * be true of them (and of the new schema) after migrating to N. Adding a
 * migration without a case here fails test/electron/store/migrations.test.ts.
 */
export interface MigrationCase {
  seed(db: ProjectDb): void;
  verify(db: ProjectDb): void;
}

function tableNames(db: ProjectDb): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** `sql` must fail: a constraint, a STRICT column or a trigger refuses it. */
function assertRefused(db: ProjectDb, sql: string, message: string): void {
  let refused = false;
  try {
    db.exec(sql);
  } catch {
    refused = true;
  }
  assert(refused, message);
}

export const MIGRATION_CASES: Record<number, MigrationCase> = {
  1: {
    seed() {
      // Schema 0 is an empty file: nothing to keep.
    },
    verify(db) {
      const tables = tableNames(db);
      assert(tables.includes('project_meta') && tables.includes('data_sources'), `tables after 1: ${tables.join(', ')}`);
      db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'x')").run();
      assertRefused(db, "INSERT INTO data_sources (id, name, attribution) VALUES ('not a number', 'n', 'a')", 'data_sources must be a STRICT table');
    },
  },
};

MIGRATION_CASES[2] = {
  seed(db) {
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'Kept')").run();
    db.prepare("INSERT INTO data_sources (name, attribution) VALUES ('Boundaries', 'Contains OS data')").run();
  },
  verify(db) {
    const kept = db.prepare("SELECT value FROM project_meta WHERE key = 'name'").get() as { value: string };
    assert(kept.value === 'Kept', 'project_meta rows survive');
    assert((db.prepare('SELECT count(*) AS n FROM data_sources').get() as { n: number }).n === 1, 'data_sources rows survive');
    for (const table of ['areas', 'area_neighbours', 'plans', 'zones', 'assignments', 'demand', 'providers', 'capacity', 'rate_bands', 'settings', 'districts']) {
      assert(tableNames(db).includes(table), `table ${table} exists`);
    }
    // The schema's own rules hold: a zone's areas must exist, hours cannot be negative.
    db.exec(`INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', '{}');
             INSERT INTO plans (id, name, created_at) VALUES (1, 'Plan', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'Z');`);
    let rejected = 0;
    for (const sql of [
      "INSERT INTO assignments VALUES (1, 'E99', 'Z')",
      "INSERT INTO assignments VALUES (1, 'E01', 'NOPE')",
      "INSERT INTO providers VALUES ('P', 'P', NULL, 52, -1, 'on-framework', '[]', 0); INSERT INTO capacity VALUES (1, 'P', 'Z', -5, 0)",
    ]) {
      try {
        db.exec(sql);
      } catch {
        rejected += 1;
      }
    }
    assert(rejected === 3, `the schema rejects bad rows (${rejected}/3)`);
    db.exec('DELETE FROM plans');
    assert((db.prepare('SELECT count(*) AS n FROM assignments').get() as { n: number }).n === 0, 'deleting a plan deletes its zones and assignments');
  },
};

MIGRATION_CASES[3] = {
  seed(db) {
    db.exec(`INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', '{}')`);
  },
  verify(db) {
    assert((db.prepare('SELECT count(*) AS n FROM areas').get() as { n: number }).n === 1, 'areas survive');
    db.prepare("INSERT INTO places (name, lat, lon) VALUES ('Melton Mowbray', 52.77, -0.89)").run();
    assertRefused(db, "INSERT INTO places (name, lat, lon) VALUES ('Nowhere', 123, 0)", 'places rejects an impossible latitude');
  },
};

MIGRATION_CASES[4] = {
  seed(db) {
    db.exec(`INSERT INTO plans (id, name, created_at) VALUES (1, 'Plan', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000');`);
  },
  verify(db) {
    const zone = db.prepare("SELECT name, locked FROM zones WHERE id = 'Z'").get() as { name: string; locked: number };
    assert(zone.name === 'Zed' && zone.locked === 0, 'existing zones survive, unlocked');
    db.prepare("INSERT INTO edits (plan_id, description, changes, created_at) VALUES (1, 'x', '[]', 'now')").run();
    db.exec('DELETE FROM plans');
    assert((db.prepare('SELECT count(*) AS n FROM edits').get() as { n: number }).n === 0, "a plan's edits go with it");
  },
};

MIGRATION_CASES[5] = {
  seed(db) {
    db.exec(`INSERT INTO providers VALUES ('P', 'Kept Care', NULL, 52, -1, 'on-framework', '["home-care"]', 0)`);
  },
  verify(db) {
    assert((db.prepare('SELECT count(*) AS n FROM providers').get() as { n: number }).n === 1, 'providers survive');
    db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('providers', 'p.csv', ?, 'now', 3, 0)").run('a'.repeat(64));
    let rejected = 0;
    for (const sql of [
      `INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('pictures', 'p.csv', '${'a'.repeat(64)}', 'now', 1, 0)`,
      `INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('rates', 'r.csv', 'short', 'now', 1, 0)`,
    ]) {
      try {
        db.exec(sql);
      } catch {
        rejected += 1;
      }
    }
    assert(rejected === 2, `imports rejects an unknown kind and a malformed hash (${rejected}/2)`);
    db.prepare("INSERT INTO import_mappings (kind, mapping) VALUES ('providers', '{}')").run();
  },
};

MIGRATION_CASES[6] = {
  seed(db) {
    db.exec(`INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', '{}')`);
  },
  verify(db) {
    const revision = () => (db.prepare('SELECT revision, topology FROM area_cache').get() as { revision: number; topology: Buffer | null });
    assert((db.prepare('SELECT count(*) AS n FROM areas').get() as { n: number }).n === 1, 'areas survive');
    db.prepare("UPDATE area_cache SET topology = x'00'").run();
    const before = revision().revision;
    db.exec(`INSERT INTO areas VALUES ('E02', 'Two', 'D', 10, 'C1', '{}')`);
    assert(revision().revision === before + 1 && revision().topology === null, 'adding an area empties the cache');
    db.prepare("UPDATE area_cache SET topology = x'00'").run();
    db.exec(`UPDATE areas SET name = 'Renamed' WHERE code = 'E02'`);
    assert(revision().topology !== null, 'renaming an area keeps the cache');
    db.prepare("UPDATE area_cache SET district_outlines = '{}'").run();
    db.exec(`UPDATE areas SET district = 'D2' WHERE code = 'E02'`);
    const moved = db.prepare('SELECT topology, district_outlines FROM area_cache').get() as { topology: Buffer | null; district_outlines: string | null };
    assert(moved.topology !== null && moved.district_outlines === null, 'moving an area to another district keeps the topology, not the district outlines');
    db.exec(`UPDATE areas SET geometry = '[]' WHERE code = 'E02'`);
    assert(revision().topology === null, 'moving a border empties the cache');
    db.prepare("UPDATE area_cache SET topology = x'00'").run();
    db.exec(`DELETE FROM areas WHERE code = 'E02'`);
    assert(revision().revision === before + 4 && revision().topology === null, 'removing an area empties the cache');
  },
};

MIGRATION_CASES[7] = {
  seed(db) {
    // Two areas 0.05° wide in one zone of the current plan, a second plan with each area a zone of its own,
    // a provider holding 90 contracted and 9 extra hours in the zone, demand 60:30, and a merge in the history.
    const square = (west: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[west, 52.6], [west + 0.05, 52.6], [west + 0.05, 52.65], [west, 52.65], [west, 52.6]]] });
    db.prepare("INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', ?), ('E02', 'Two', 'D', 10, 'E1', ?)").run(square(-1.3), square(-1.25));
    db.exec(`INSERT INTO project_meta (key, value) VALUES ('current_plan_id', '2'), ('data_as_of', '2024-03-31');
             INSERT INTO plans (id, name, created_at) VALUES (1, 'Old', 'then'), (2, 'Current', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'A', 'A', '#000'), (1, 'B', 'B', '#000'), (2, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'A'), (1, 'E02', 'B'), (2, 'E01', 'Z'), (2, 'E02', 'Z');
             INSERT INTO providers VALUES ('P', 'Kept Care', NULL, 52.625, -1.27, 'exiting-framework', '["home-care"]', 0);
             INSERT INTO capacity VALUES (2, 'P', 'Z', 90, 9), (1, 'P', 'A', 90, 9);
             INSERT INTO demand VALUES ('E01', 'home-care', 60, 6), ('E02', 'home-care', 30, 3);
             INSERT INTO rate_bands (id, name, hourly_rate, min_rural_share) VALUES ('urban', 'Urban', 24, 0);
             INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('capacity', 'c.csv', '${'a'.repeat(64)}', 'now', 1, 0);
             INSERT INTO import_mappings VALUES ('demand', '{"area":"LSOA","hours":"Hrs","packages":"Clients"}');`);
    const changes = [
      { table: 'assignments', key: { plan_id: 2, area_code: 'E02' }, before: { plan_id: 2, area_code: 'E02', zone_id: 'Y' }, after: { plan_id: 2, area_code: 'E02', zone_id: 'Z' } },
      { table: 'capacity', key: { plan_id: 2, provider_id: 'P', zone_id: 'Z' }, before: null, after: { plan_id: 2, provider_id: 'P', zone_id: 'Z', contracted_hours: 90, additional_hours: 9 } },
    ];
    db.prepare("INSERT INTO edits (plan_id, description, changes, created_at) VALUES (2, 'Merge', ?, 'now')").run(JSON.stringify(changes));
  },
  verify(db) {
    const supply = db.prepare('SELECT area_code, service, committed_hours AS c, additional_hours AS a, delivered_hours AS d, basis FROM supply ORDER BY area_code').all() as {
      area_code: string;
      service: string;
      c: number;
      a: number;
      d: number;
      basis: string;
    }[];
    // The current plan's contract spread 60:30 by demand over Z's areas; the old plan's capacity is not kept apart.
    assert(supply.length === 2 && supply.every((r) => r.service === 'home-care' && r.basis === 'estimated' && r.d === 0), `supply rows: ${JSON.stringify(supply)}`);
    assert(Math.abs(supply[0]!.c - 60) < 1e-9 && Math.abs(supply[1]!.c - 30) < 1e-9 && Math.abs(supply[0]!.a - 6) < 1e-9, `spread: ${JSON.stringify(supply)}`);
    assert(!tableNames(db).includes('capacity'), 'capacity is gone');
    assert((db.prepare("SELECT sum(people) AS n FROM demand").get() as { n: number }).n === 9, 'demand counts people');
    const lots = db.prepare('SELECT service, funder FROM lots ORDER BY service').all() as { service: string; funder: string }[];
    assert(JSON.stringify(lots) === JSON.stringify([{ service: 'chc', funder: 'nhs' }, { service: 'home-care', funder: 'council' }, { service: 'live-in', funder: 'council' }]), `lots: ${JSON.stringify(lots)}`);
    const band = db.prepare('SELECT chc_hourly_rate AS chc, live_in_weekly_rate AS liveIn FROM rate_bands').get() as { chc: number | null; liveIn: number };
    assert(band.chc === null && band.liveIn > 0, 'bands gain CHC and live-in rates');
    assert((db.prepare("SELECT value FROM project_meta WHERE key = 'as_at'").get() as { value: string }).value === '2024-03-31', 'as at the data date');
    const edit = JSON.parse((db.prepare('SELECT changes FROM edits').get() as { changes: string }).changes) as { table: string }[];
    assert(edit.length === 1 && edit[0]!.table === 'assignments', 'capacity images leave the undo history');
    assert((db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n === 1, 'the import log survives');
    const mapping = JSON.parse((db.prepare("SELECT mapping FROM import_mappings WHERE kind = 'demand'").get() as { mapping: string }).mapping) as Record<string, string>;
    assert(mapping.people === 'Clients' && !('packages' in mapping) && mapping.hours === 'Hrs', `a saved demand mapping keeps its people column: ${JSON.stringify(mapping)}`);
    db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('delivery', 'd.csv', ?, 'now', 1, 0)").run('b'.repeat(64));
    let rejected = 0;
    for (const sql of [
      "INSERT INTO supply (provider_id, area_code, service, committed_hours, basis) VALUES ('P', 'E01', 'home-care', -1, 'estimated')",
      "INSERT INTO supply (provider_id, area_code, service, basis) VALUES ('P', 'E01', 'chc', 'guessed')",
      "UPDATE providers SET end_date = '31/03/2027'",
    ]) {
      try {
        db.exec(sql);
      } catch {
        rejected += 1;
      }
    }
    assert(rejected === 3, `the schema rejects bad supply and dates (${rejected}/3)`);
    db.exec('DELETE FROM areas WHERE code = \'E01\'');
    assert((db.prepare('SELECT count(*) AS n FROM supply').get() as { n: number }).n === 1, "an area's supply goes with it");
  },
};

MIGRATION_CASES[8] = {
  seed(db) {
    // An urban and a rural band; settings with a budget.
    db.exec(`INSERT INTO rate_bands (id, name, hourly_rate, min_rural_share, live_in_weekly_rate) VALUES ('urban', 'Urban', 24.6, 0, 1150), ('rural', 'Rural', 27.9, 0.5, 1250);
             INSERT INTO settings (key, value) VALUES ('budgetPerYear', 10500000);`);
  },
  verify(db) {
    const inputs = db.prepare('SELECT band_id AS band, service, travel_minutes_per_visit AS travel, miles_per_visit AS miles, paid_hours_per_week AS paid FROM cost_inputs ORDER BY band_id, service').all() as {
      band: string;
      service: string;
      travel: number;
      miles: number;
      paid: number;
    }[];
    assert(inputs.length === 6, `every band gets inputs for every lot: ${JSON.stringify(inputs)}`);
    const rural = inputs.find((r) => r.band === 'rural' && r.service === 'home-care')!;
    const urban = inputs.find((r) => r.band === 'urban' && r.service === 'home-care')!;
    assert(rural.travel > urban.travel && rural.miles > urban.miles, 'rural bands travel further, not a flat uplift');
    assert(inputs.find((r) => r.service === 'live-in')!.paid > 0, 'live-in is costed by paid hours a week');
    const term = db.prepare('SELECT start_date AS s, end_date AS e, base_nlw AS nlw FROM framework_term').get() as { s: string; e: string; nlw: number };
    assert(term.s === '2026-04-01' && term.e === '2034-03-31' && term.nlw === 12.21, `default term: ${JSON.stringify(term)}`);
    assert((db.prepare("SELECT value FROM settings WHERE key = 'budgetPerYear'").get() as { value: number }).value === 10_500_000, 'the budget stays the envelope');
    let rejected = 0;
    for (const sql of [
      "INSERT INTO framework_term (id, start_date, end_date, base_nlw) VALUES (2, '2026-01-01', '2027-01-01', 12)",
      "UPDATE framework_term SET end_date = '2020-01-01'",
      "INSERT INTO pricing_scenarios (name, scenario, created_at) VALUES ('x', 'not json', 'now')",
      "UPDATE cost_inputs SET visit_minutes = 0",
    ]) {
      try {
        db.exec(sql);
      } catch {
        rejected++;
      }
    }
    assert(rejected === 4, `checks refuse bad rows (${rejected} of 4)`);
    db.exec("DELETE FROM rate_bands WHERE id = 'rural'");
    assert((db.prepare('SELECT count(*) AS n FROM cost_inputs').get() as { n: number }).n === 3, "a band's inputs go with it");
  },
};

MIGRATION_CASES[9] = {
  seed(db) {
    db.exec(`INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', '{}');
             INSERT INTO imports (id, kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES (7, 'delivery', 'd.csv', '${'c'.repeat(64)}', 'then', 3, 0);`);
  },
  verify(db) {
    assert((db.prepare('SELECT id, kind FROM imports').get() as { id: number; kind: string }).id === 7, 'the import log keeps its rows and ids');
    db.prepare("INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected) VALUES ('returns', 'r.csv', ?, 'now', 5, 0)").run('d'.repeat(64));
    const term = db.prepare('SELECT reopenings FROM framework_term').get() as { reopenings: string | null };
    assert(term.reopenings === null, 'an existing term keeps the default re-openings');
    db.exec(`INSERT INTO snapshots (id, month, source, created_at) VALUES (1, '2026-04', 'returns', 'now');
             INSERT INTO snapshot_rows (snapshot_id, provider_id, area_code, service, committed, delivered) VALUES (1, 'P', 'E01', 'home-care', 10, 8);
             INSERT INTO snapshot_rows (snapshot_id, area_code, service, unsourced, waiting) VALUES (1, 'E01', 'home-care', 3, 1);`);
    let rejected = 0;
    for (const sql of [
      "INSERT INTO snapshots (month, source, created_at) VALUES ('2026-13', 'returns', 'now')",
      "INSERT INTO snapshots (month, source, created_at) VALUES ('April 2026', 'returns', 'now')",
      "INSERT INTO snapshots (month, source, created_at) VALUES ('2026-04', 'returns', 'now')",
      "INSERT INTO snapshot_rows (snapshot_id, area_code, service, committed) VALUES (1, 'E02', 'home-care', 1)",
      "INSERT INTO snapshot_rows (snapshot_id, provider_id, area_code, service, delivered) VALUES (1, 'Q', 'E01', 'home-care', -1)",
      "UPDATE framework_term SET reopenings = 'soon'",
    ]) {
      try {
        db.exec(sql);
      } catch {
        rejected++;
      }
    }
    assert(rejected === 6, `checks refuse bad rows (${rejected} of 6)`);
    db.exec('DELETE FROM snapshots');
    assert((db.prepare('SELECT count(*) AS n FROM snapshot_rows').get() as { n: number }).n === 0, "a snapshot's rows go with it");
  },
};

MIGRATION_CASES[10] = {
  seed(db) {
    db.exec("INSERT INTO areas (code, name, district, population, ruc, geometry) VALUES ('E02', 'Two', 'D', 20, 'E1', '{}'), ('E01', 'One', 'D', 10, 'C1', '{}')");
  },
  verify(db) {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT code, name, district, population, ruc FROM areas ORDER BY code').all() as { detail: string }[];
    assert(plan.some((step) => step.detail.includes('COVERING INDEX areas_summary')), `the areas' summary is read from its index (${plan.map((s) => s.detail).join('; ')})`);
    const rows = db.prepare('SELECT code, population FROM areas ORDER BY code').all() as { code: string; population: number }[];
    assert(JSON.stringify(rows) === JSON.stringify([{ code: 'E01', population: 10 }, { code: 'E02', population: 20 }]), 'areas survive, in code order');
  },
};

MIGRATION_CASES[11] = {
  seed(db) {
    // A polygon with a hole and a two-part multipolygon as GeoJSON text, with rows in the tables that refer to areas.
    const holed = { type: 'Polygon', coordinates: [[[-1.3, 52.6], [-1.2, 52.6], [-1.2, 52.7], [-1.3, 52.6]], [[-1.26, 52.62], [-1.24, 52.62], [-1.24, 52.63], [-1.26, 52.62]]] };
    const parts = { type: 'MultiPolygon', coordinates: [[[[-1.2, 52.6], [-1.1, 52.6], [-1.1, 52.7], [-1.2, 52.6]]], [[[0.1234567891234, 52.1], [0.2, 52.1], [0.2, 52.2], [0.1234567891234, 52.1]]]] };
    db.prepare("INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', ?), ('E02', 'Two', 'D', 20, 'E1', ?)").run(JSON.stringify(holed), JSON.stringify(parts));
    db.exec(`INSERT INTO area_neighbours VALUES ('E01', 'E02');
             INSERT INTO plans (id, name, created_at) VALUES (1, 'Plan', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'Z'), (1, 'E02', 'Z');
             INSERT INTO demand VALUES ('E01', 'home-care', 60, 6);`);
  },
  verify(db) {
    const rows = db.prepare('SELECT code, typeof(geometry) AS type, geometry FROM areas ORDER BY code').all() as { code: string; type: string; geometry: Buffer }[];
    assert(rows.every((r) => r.type === 'blob'), `boundaries are blobs: ${rows.map((r) => r.type).join(', ')}`);
    const geometries = readAreaGeometries(db);
    assert(geometries.get('E01')!.type === 'Polygon' && geometries.get('E01')!.coordinates.length === 2, 'the polygon keeps its hole');
    const parts = geometries.get('E02')!;
    assert(parts.type === 'MultiPolygon' && parts.coordinates[1]![0]![0]![0] === 0.1234567891234, `the multipolygon keeps its parts and every digit: ${JSON.stringify(parts)}`);
    // Nothing that refers to an area went with the old table.
    for (const [table, n] of [['area_neighbours', 1], ['assignments', 2], ['demand', 1]] as const) {
      assert((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n === n, `${table} keeps its rows`);
    }
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT code, name, district, population, ruc FROM areas ORDER BY code').all() as { detail: string }[];
    assert(plan.some((step) => step.detail.includes('COVERING INDEX areas_summary')), 'the summary index is made again');
    const revision = () => (db.prepare('SELECT revision FROM area_cache').get() as { revision: number }).revision;
    const before = revision();
    db.prepare("UPDATE areas SET geometry = ? WHERE code = 'E02'").run(geometryBlob(geometries.get('E01')!));
    assert(revision() === before + 1, "the area cache's triggers are made again");
    assertRefused(db, "INSERT INTO areas VALUES ('E03', 'Three', 'D', 1, 'C1', '{}')", 'a boundary as text is refused (STRICT BLOB column)');
    db.exec("DELETE FROM areas WHERE code = 'E01'");
    assert((db.prepare('SELECT count(*) AS n FROM assignments').get() as { n: number }).n === 1, "an area's rows still go with it (foreign keys refer to the new table)");
  },
};

/** A stored topology's bytes for migration 12: two whole parts and three bytes more, each byte telling where it sits. */
const OLD_TOPOLOGY = Buffer.from(Array.from({ length: 2 * (1 << 20) + 3 }, (_, i) => (i * 31 + (i >> 20)) & 0xff));

MIGRATION_CASES[12] = {
  seed(db) {
    db.prepare("INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', ?)").run(geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }));
    db.prepare("UPDATE area_cache SET topology = ?, district_outlines = '{}' WHERE id = 1").run(OLD_TOPOLOGY);
  },
  verify(db) {
    const parts = () => db.prepare('SELECT part, bytes FROM area_topology_parts ORDER BY part').all() as { part: number; bytes: Buffer }[];
    const moved = parts();
    assert(JSON.stringify(moved.map((p) => [p.part, p.bytes.length])) === JSON.stringify([[0, 1 << 20], [1, 1 << 20], [2, 3]]), `the topology is moved in parts of a mebibyte: ${moved.map((p) => p.bytes.length).join(', ')}`);
    assert(Buffer.concat(moved.map((p) => p.bytes)).equals(OLD_TOPOLOGY), 'the parts read in order are the old blob, byte for byte');
    const columns = (db.prepare("SELECT name FROM pragma_table_info('area_cache')").all() as { name: string }[]).map((c) => c.name);
    assert(!columns.includes('topology') && columns.includes('district_outlines'), `area_cache no longer has the topology: ${columns.join(', ')}`);
    const revision = () => (db.prepare('SELECT revision FROM area_cache').get() as { revision: number }).revision;
    const before = revision();
    db.exec("UPDATE areas SET district = 'D2' WHERE code = 'E01'");
    assert(parts().length === 3 && revision() === before + 1, 'moving an area to another district keeps the topology');
    db.exec("UPDATE areas SET name = 'Renamed' WHERE code = 'E01'");
    assert(parts().length === 3, 'renaming an area keeps the topology');
    db.exec("UPDATE areas SET code = 'E09' WHERE code = 'E01'");
    assert(parts().length === 0 && revision() === before + 2, "changing an area's code empties the topology");
    for (const [sql, what] of [
      ["INSERT INTO areas SELECT 'E02', name, district, population, ruc, geometry FROM areas WHERE code = 'E09'", 'adding'],
      ["UPDATE areas SET geometry = geometry WHERE code = 'E02'", "setting an area's boundary"],
      ["DELETE FROM areas WHERE code = 'E02'", 'removing'],
    ] as const) {
      db.prepare('INSERT INTO area_topology_parts VALUES (0, x\'00\')').run();
      const was = revision();
      db.exec(sql);
      assert(parts().length === 0 && revision() === was + 1, `${what} an area empties the topology`);
    }
  },
};

MIGRATION_CASES[13] = {
  seed(db) {
    const square = geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    for (const code of ['E01', 'E02', 'E03']) db.prepare("INSERT INTO areas VALUES (?, 'A', 'D', 10, 'C1', ?)").run(code, square);
    db.exec(`INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now'), (2, 'Two', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000'), (1, 'Y', 'Why', '#111'), (2, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'Z'), (1, 'E02', 'Y'), (2, 'E01', 'Z');`);
  },
  verify(db) {
    const cached = () => (db.prepare('SELECT plan_id FROM plan_map_cache ORDER BY plan_id').pluck().all() as number[]).join(',');
    const store = () => db.exec("INSERT OR REPLACE INTO plan_map_cache VALUES (1, 1, '[]'), (2, 1, '[]')");
    assert((db.prepare('SELECT count(*) FROM assignments').pluck().get() as number) === 3, 'assignments survive');
    for (const [sql, what] of [
      ["UPDATE assignments SET zone_id = 'Y' WHERE plan_id = 1 AND area_code = 'E01'", 'moving an area to another zone'],
      ["INSERT INTO assignments VALUES (1, 'E03', 'Z')", 'adding an area to a zone'],
      ["DELETE FROM assignments WHERE plan_id = 1 AND area_code = 'E03'", 'taking an area out of its zone'],
      ["DELETE FROM zones WHERE plan_id = 1 AND id = 'Y'", 'removing a zone with its areas (by cascade)'],
    ] as const) {
      store();
      db.exec(sql);
      assert(cached() === '2', `${what} in plan 1 drops plan 1's outlines and keeps plan 2's (left: ${cached() || 'none'})`);
    }
    store();
    db.exec("DELETE FROM areas WHERE code = 'E01'");
    assert(cached() === '1', `removing an area drops the outlines of the plans it was in, only (left: ${cached() || 'none'})`);
    store();
    db.exec("UPDATE zones SET name = 'Renamed', colour = '#222' WHERE plan_id = 1");
    assert(cached() === '1,2', "renaming or recolouring a zone keeps its plan's outlines");
    db.exec('DELETE FROM plans WHERE id = 2');
    assert(cached() === '1', "removing a plan removes its outlines");
    assertRefused(db, "INSERT INTO plan_map_cache VALUES (1, 'not a number', '[]')", 'plan_map_cache must be a STRICT table');
    // The layer is kept as bytes now, and emptied, with the revision moved on, when the areas change.
    db.prepare('UPDATE area_cache SET map_layer = ? WHERE id = 1').run(Buffer.from([1, 2, 3]));
    const layer = () => db.prepare('SELECT map_layer, revision FROM area_cache WHERE id = 1').get() as { map_layer: Buffer | null; revision: number };
    const before = layer();
    assert(before.map_layer?.length === 3, 'area_cache.map_layer holds bytes');
    db.exec("UPDATE areas SET geometry = geometry WHERE code = 'E03'");
    const after = layer();
    assert(after.map_layer === null && after.revision === before.revision + 1, 'changing an area empties the stored layer');
  },
};

MIGRATION_CASES[14] = {
  seed(db) {
    const square = geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    db.exec("INSERT INTO districts VALUES ('D', 'Dee'), ('D2', 'Dee two')");
    for (const code of ['E01', 'E02']) db.prepare("INSERT INTO areas VALUES (?, 'A', 'D', 10, 'C1', ?)").run(code, square);
    db.prepare('INSERT INTO area_topology_parts VALUES (0, ?)').run(Buffer.from([9]));
    // A layer kept in the first format.
    db.prepare('UPDATE area_cache SET map_layer = ?, district_outlines = ? WHERE id = 1').run(Buffer.from('CCL1'), '{}');
  },
  verify(db) {
    const cache = () => db.prepare('SELECT map_layer, district_outlines, revision FROM area_cache WHERE id = 1').get() as { map_layer: Buffer | null; district_outlines: string | null; revision: number };
    const parts = () => db.prepare('SELECT count(*) FROM area_topology_parts').pluck().get() as number;
    assert(cache().map_layer === null, 'a layer kept in the first format is emptied');
    assert(cache().district_outlines === '{}' && parts() === 1, 'the district outlines and the topology are kept');
    for (const [sql, what, outlines] of [
      ["UPDATE areas SET name = 'Renamed' WHERE code = 'E01'", 'renaming an area', '{}'],
      ["UPDATE areas SET district = 'D2' WHERE code = 'E01'", 'moving an area to another district', null],
      ["UPDATE districts SET name = 'Dee renamed' WHERE code = 'D'", 'renaming a district', '{}'],
    ] as const) {
      db.prepare("UPDATE area_cache SET map_layer = x'01', district_outlines = '{}' WHERE id = 1").run();
      const was = cache().revision;
      db.exec(sql);
      const now = cache();
      assert(now.map_layer === null && now.revision === was + 1, `${what} empties the kept layer and moves the revision on once`);
      assert(now.district_outlines === outlines, `${what} ${outlines === null ? 'empties' : 'keeps'} the district outlines`);
      assert(parts() === 1, `${what} keeps the topology`);
    }
    db.prepare("UPDATE area_cache SET map_layer = x'01' WHERE id = 1").run();
    db.exec('UPDATE areas SET population = 11');
    assert(cache().map_layer !== null, "a change the layer does not carry (an area's population) keeps it");
  },
};

MIGRATION_CASES[15] = {
  seed(db) {
    const square = geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    db.exec("INSERT INTO districts VALUES ('D', 'Dee')");
    db.prepare("INSERT INTO areas VALUES ('E01', 'A', 'D', 10, 'C1', ?)").run(square);
    db.prepare("UPDATE area_cache SET map_layer = x'0102' WHERE id = 1").run();
  },
  verify(db) {
    const cache = () => db.prepare('SELECT map_layer, map_overview, revision FROM area_cache WHERE id = 1').get() as { map_layer: Buffer | null; map_overview: Buffer | null; revision: number };
    assert(cache().map_layer?.length === 2 && cache().map_overview === null, 'the kept layer stays; it has no overview yet');
    const keep = () => db.prepare("UPDATE area_cache SET map_layer = x'0102', map_overview = x'03' WHERE id = 1").run();
    keep();
    assert(cache().map_overview?.length === 1, 'a layer and its overview are kept together (the trigger leaves an overview set with its layer)');
    for (const [sql, what] of [
      ["UPDATE areas SET name = 'Renamed' WHERE code = 'E01'", 'renaming an area'],
      ["UPDATE areas SET geometry = geometry WHERE code = 'E01'", 'changing a boundary'],
      ["UPDATE districts SET name = 'Dee renamed' WHERE code = 'D'", 'renaming a district'],
      ['UPDATE area_cache SET map_layer = NULL WHERE id = 1', 'emptying the layer (an import, a new topology)'],
    ] as const) {
      keep();
      db.exec(sql);
      assert(cache().map_layer === null && cache().map_overview === null, `${what} empties the overview with the layer`);
    }
    keep();
    db.exec('UPDATE areas SET population = 11');
    assert(cache().map_overview !== null, 'a change the layer does not carry keeps its overview');
  },
};

MIGRATION_CASES[16] = {
  seed(db) {
    const square = geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    for (const code of ['E01', 'E02']) db.prepare("INSERT INTO areas VALUES (?, 'A', 'D', 10, 'C1', ?)").run(code, square);
    db.exec(`INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now'), (2, 'Two', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000'), (2, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'Z'), (2, 'E01', 'Z');
             INSERT INTO plan_map_cache VALUES (1, 1, '[]');`);
  },
  verify(db) {
    const cached = () => (db.prepare('SELECT plan_id FROM plan_map_cache ORDER BY plan_id').pluck().all() as number[]).join(',');
    assert(cached() === '', 'outlines kept without their zones are dropped');
    assert((db.prepare('SELECT count(*) FROM assignments').pluck().get() as number) === 2, 'assignments survive');
    const store = () => db.exec(`INSERT OR REPLACE INTO plan_map_cache (plan_id, area_revision, zone_ids, zone_outlines) VALUES (1, 1, '["Z",null]', '[]'), (2, 1, '["Z",null]', '[]')`);
    store();
    assert(db.prepare('SELECT zone_ids FROM plan_map_cache WHERE plan_id = 1').pluck().get() === '["Z",null]', "a plan's zones are kept beside its outlines");
    for (const [sql, what] of [
      ["UPDATE assignments SET zone_id = 'Z' WHERE plan_id = 1 AND area_code = 'E01'", 'moving an area'],
      ["INSERT INTO assignments VALUES (1, 'E02', 'Z')", 'adding an area to a zone'],
      ["DELETE FROM assignments WHERE plan_id = 1 AND area_code = 'E02'", 'taking an area out of its zone'],
    ] as const) {
      store();
      db.exec(sql);
      assert(cached() === '2', `${what} in plan 1 still drops plan 1's kept map and keeps plan 2's (left: ${cached() || 'none'})`);
    }
    db.exec('DELETE FROM plans WHERE id = 2');
    assert(cached() === '', "removing a plan removes its kept map");
    assertRefused(db, "INSERT INTO plan_map_cache VALUES (1, 1, NULL, '[]')", "a kept map's zones may not be missing");
  },
};

MIGRATION_CASES[17] = {
  seed(db) {
    const square = geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    db.prepare("INSERT INTO areas VALUES ('E01', 'A', 'D', 10, 'C1', ?)").run(square);
    db.exec(`INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now'), (2, 'Two', 'now');
             INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Z', 'Zed', '#000'), (2, 'Z', 'Zed', '#000');
             INSERT INTO assignments VALUES (1, 'E01', 'Z'), (2, 'E01', 'Z');`);
  },
  verify(db) {
    const kept = () => (db.prepare('SELECT plan_id FROM metrics_cache ORDER BY plan_id').pluck().all() as number[]).join(',');
    const keep = () => db.exec(`INSERT OR REPLACE INTO metrics_cache VALUES (1, 'all', '2026-04-01', 'v', '{}'), (2, 'all', '2026-04-01', 'v', '{}')`);
    keep();
    assert(kept() === '1,2', 'metrics are kept per plan');
    for (const [sql, what] of [
      ["UPDATE assignments SET zone_id = 'Z' WHERE plan_id = 1", 'moving an area'],
      ["UPDATE zones SET band_override = NULL WHERE plan_id = 1", "changing a zone's terms"],
      ["DELETE FROM assignments WHERE plan_id = 1", 'taking an area out of its zone'],
      ["INSERT INTO zones (plan_id, id, name, colour) VALUES (1, 'Y', 'Why', '#111')", 'adding a zone'],
    ] as const) {
      keep();
      db.exec(sql);
      assert(kept() === '2', `${what} in plan 1 drops plan 1's kept metrics and keeps plan 2's (left: ${kept() || 'none'})`);
    }
    for (const [sql, what] of [
      ["INSERT INTO demand VALUES ('E01', 'home-care', 5, 1)", 'new demand'],
      ["INSERT INTO providers (id, name, lat, lon, status, services) VALUES ('P', 'P', 52, -1, 'on-framework', '[\"home-care\"]')", 'a new provider'],
      ["INSERT INTO supply (provider_id, area_code, service, basis) VALUES ('P', 'E01', 'home-care', 'estimated')", 'new supply'],
      ["UPDATE supply SET delivered_hours = 1", 'supply changed'],
      ["UPDATE areas SET population = 11", "an area's population"],
      ["INSERT INTO settings VALUES ('redBelow', 0.8)", 'a setting'],
      ["INSERT INTO project_meta VALUES ('as_at', '2027-04-01')", 'the "as at" date'],
      ["UPDATE project_meta SET value = '2027-05-01' WHERE key = 'as_at'", 'the "as at" date moved'],
      ["DELETE FROM project_meta WHERE key = 'as_at'", 'the "as at" date cleared'],
    ] as const) {
      keep();
      db.exec(sql);
      assert(kept() === '', `${what} drops every plan's kept metrics (left: ${kept() || 'none'})`);
    }
    keep();
    db.exec("INSERT INTO project_meta VALUES ('export_choices', '{}')");
    assert(kept() === '1,2', 'a remembered export choice keeps the metrics');
    db.exec('DELETE FROM plans WHERE id = 2');
    assert(kept() === '1', "removing a plan removes its kept metrics");
    assertRefused(db, "INSERT INTO metrics_cache VALUES (1, 'chc', '2026-04-01', 'v', NULL)", 'kept metrics may not be missing');
  },
};
