import { defaultCostInputs, DEFAULT_BASE_NLW } from '../../../shared/costs/defaults';
import { SERVICE_TYPES } from '../../../shared/domain/types';
import type { Migration } from './types';

/**
 * Commissioning economics: the cost model's inputs per rate band and lot,
 * saved pricing scenarios, and the framework's term. Every existing band gets
 * the default inputs (rural ones for bands from a 50% rural share), and the
 * term starts April 2026 with today's rates set at an NLW of £12.21; the
 * envelope a year stays the budget setting.
 */
export const migration008: Migration = {
  version: 8,
  name: 'costs',
  up(db) {
    db.exec(`
      CREATE TABLE cost_inputs (
        band_id                  TEXT NOT NULL REFERENCES rate_bands(id) ON DELETE CASCADE,
        service                  TEXT NOT NULL CHECK (service IN ('home-care', 'chc', 'live-in')),
        pay_premium              REAL NOT NULL CHECK (pay_premium BETWEEN 0 AND 2),
        visit_minutes            REAL NOT NULL CHECK (visit_minutes BETWEEN 5 AND 600),
        travel_minutes_per_visit REAL NOT NULL CHECK (travel_minutes_per_visit BETWEEN 0 AND 240),
        ni_pension               REAL NOT NULL CHECK (ni_pension BETWEEN 0 AND 1),
        other_on_costs           REAL NOT NULL CHECK (other_on_costs BETWEEN 0 AND 1),
        miles_per_visit          REAL NOT NULL CHECK (miles_per_visit BETWEEN 0 AND 200),
        pounds_per_mile          REAL NOT NULL CHECK (pounds_per_mile BETWEEN 0 AND 5),
        running_costs            REAL NOT NULL CHECK (running_costs BETWEEN 0 AND 5000),
        surplus                  REAL NOT NULL CHECK (surplus BETWEEN 0 AND 1),
        paid_hours_per_week      REAL NOT NULL CHECK (paid_hours_per_week BETWEEN 0 AND 168),
        PRIMARY KEY (band_id, service)
      ) STRICT;

      -- Named pricing scenarios; the scenario itself is checked by PricingScenarioSchema on the way in and out.
      CREATE TABLE pricing_scenarios (
        name       TEXT PRIMARY KEY COLLATE NOCASE,
        scenario   TEXT NOT NULL CHECK (json_valid(scenario)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE framework_term (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        start_date    TEXT NOT NULL,
        end_date      TEXT NOT NULL,
        envelope_rise REAL NOT NULL DEFAULT 0,
        base_nlw      REAL NOT NULL CHECK (base_nlw > 0),
        CHECK (start_date < end_date)
      ) STRICT;
    `);
    const insert = db.prepare(
      `INSERT INTO cost_inputs (band_id, service, pay_premium, visit_minutes, travel_minutes_per_visit, ni_pension, other_on_costs, miles_per_visit, pounds_per_mile, running_costs, surplus, paid_hours_per_week)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const band of db.prepare('SELECT id, min_rural_share FROM rate_bands').all() as { id: string; min_rural_share: number }[]) {
      for (const service of SERVICE_TYPES) {
        const i = defaultCostInputs(service, band.min_rural_share >= 0.5);
        insert.run(band.id, service, i.payPremium, i.visitMinutes, i.travelMinutesPerVisit, i.niPension, i.otherOnCosts, i.milesPerVisit, i.poundsPerMile, i.runningCosts, i.surplus, i.paidHoursPerWeek);
      }
    }
    db.prepare("INSERT INTO framework_term (id, start_date, end_date, envelope_rise, base_nlw) VALUES (1, '2026-04-01', '2034-03-31', 0, ?)").run(DEFAULT_BASE_NLW);
  },
};
