import { PricingScenarioSchema, type BandCostInputs, type CostInputs, type FrameworkTerm, type PricingScenario } from '../../shared/costs/schemas';
import { DEFAULT_BASE_NLW } from '../../shared/costs/defaults';
import type { ServiceType } from '../../shared/domain/types';
import type { ProjectDb } from './db';

/** The commissioning economics' tables (migration 008): cost inputs, pricing scenarios, the framework's term. */

const INPUT_COLUMNS = `pay_premium AS payPremium, visit_minutes AS visitMinutes, travel_minutes_per_visit AS travelMinutesPerVisit, ni_pension AS niPension,
  other_on_costs AS otherOnCosts, miles_per_visit AS milesPerVisit, pounds_per_mile AS poundsPerMile, running_costs AS runningCosts, surplus,
  paid_hours_per_week AS paidHoursPerWeek`;

export function readCostInputs(db: ProjectDb): BandCostInputs[] {
  const rows = db.prepare(`SELECT band_id AS bandId, service, ${INPUT_COLUMNS} FROM cost_inputs ORDER BY band_id, service`).all() as (CostInputs & { bandId: string; service: ServiceType })[];
  return rows.map(({ bandId, service, ...inputs }) => ({ bandId, service, inputs }));
}

export function writeCostInputs(db: ProjectDb, row: BandCostInputs): void {
  const i = row.inputs;
  db.prepare(
    `INSERT INTO cost_inputs (band_id, service, pay_premium, visit_minutes, travel_minutes_per_visit, ni_pension, other_on_costs, miles_per_visit, pounds_per_mile, running_costs, surplus, paid_hours_per_week)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(band_id, service) DO UPDATE SET pay_premium = excluded.pay_premium, visit_minutes = excluded.visit_minutes,
       travel_minutes_per_visit = excluded.travel_minutes_per_visit, ni_pension = excluded.ni_pension, other_on_costs = excluded.other_on_costs,
       miles_per_visit = excluded.miles_per_visit, pounds_per_mile = excluded.pounds_per_mile, running_costs = excluded.running_costs,
       surplus = excluded.surplus, paid_hours_per_week = excluded.paid_hours_per_week`,
  ).run(row.bandId, row.service, i.payPremium, i.visitMinutes, i.travelMinutesPerVisit, i.niPension, i.otherOnCosts, i.milesPerVisit, i.poundsPerMile, i.runningCosts, i.surplus, i.paidHoursPerWeek);
}

/** The term without its envelope (that is the budget setting); a project without a row gets the default term. */
export function readTerm(db: ProjectDb): Omit<FrameworkTerm, 'envelope'> {
  const row = db.prepare('SELECT start_date AS start, end_date AS end, envelope_rise AS envelopeRise, base_nlw AS baseNlw FROM framework_term WHERE id = 1').get() as
    | Omit<FrameworkTerm, 'envelope'>
    | undefined;
  return row ?? { start: '2026-04-01', end: '2034-03-31', envelopeRise: 0, baseNlw: DEFAULT_BASE_NLW };
}

export function writeTerm(db: ProjectDb, term: Omit<FrameworkTerm, 'envelope'>): void {
  db.prepare(
    `INSERT INTO framework_term (id, start_date, end_date, envelope_rise, base_nlw) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date, envelope_rise = excluded.envelope_rise, base_nlw = excluded.base_nlw`,
  ).run(term.start, term.end, term.envelopeRise, term.baseNlw);
}

/** Saved scenarios in the order they were made. A row that no longer passes the schema is left out, not fatal. */
export function readScenarios(db: ProjectDb): PricingScenario[] {
  const rows = db.prepare('SELECT scenario FROM pricing_scenarios ORDER BY created_at, name').all() as { scenario: string }[];
  return rows.flatMap((r) => {
    const parsed = PricingScenarioSchema.safeParse(JSON.parse(r.scenario));
    return parsed.success ? [parsed.data] : [];
  });
}

export function writeScenario(db: ProjectDb, scenario: PricingScenario): void {
  db.prepare(
    `INSERT INTO pricing_scenarios (name, scenario, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET name = excluded.name, scenario = excluded.scenario`,
  ).run(scenario.name, JSON.stringify(scenario), new Date().toISOString());
}

export function deleteScenario(db: ProjectDb, name: string): boolean {
  return db.prepare('DELETE FROM pricing_scenarios WHERE name = ?').run(name).changes > 0;
}
