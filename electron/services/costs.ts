import { ApiError } from '../../shared/api/errors';
import { costsReport } from '../../shared/costs/costs-report';
import { baseScenario, defaultCostInputs } from '../../shared/costs/defaults';
import { BASE_SCENARIO } from '../../shared/costs/wording';
import {
  FrameworkTermSchema,
  PricingScenarioSchema,
  type BandCostInputs,
  type CostInputs,
  type CostsReport,
  type FrameworkTerm,
  type PricingScenario,
  type ScenarioChange,
  type ScenarioComparison,
} from '../../shared/costs/schemas';
import type { ServiceType } from '../../shared/domain/types';
import { deleteScenario, readCostInputs, readScenarios, readTerm, writeCostInputs, writeScenario, writeTerm } from '../store/costs';
import { recordEdit } from '../store/edits';
import { readBands, readLots, readSettings, writeSettings } from '../store/model-data';
import type { CoverageService } from './coverage';
import type { ProjectSession } from './project-session';

/** Which costs to show: a plan, a saved scenario (or the base), and unsaved changes to it. */
export interface CostsView {
  plan?: string;
  scenario?: string;
  change?: ScenarioChange;
}

function invalid(what: string, issues: { path: PropertyKey[]; message: string }[]): never {
  const details = issues.map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`);
  throw new ApiError('invalid-input', `${what}: ${details.join('; ')}`, details);
}

/**
 * The commissioning economics of the open project: the cost model per band and
 * lot, pricing scenarios and the framework's budget over its term. The
 * arithmetic is shared/costs'; this reads and writes its inputs.
 */
export class CostService {
  constructor(
    private readonly session: ProjectSession,
    private readonly coverage: CoverageService,
  ) {}

  term(): FrameworkTerm {
    const db = this.session.db();
    return { ...readTerm(db), envelope: readSettings(db).budgetPerYear };
  }

  /** The stored inputs of a band's lot, or the defaults for a band without them (a band added after the project was made). */
  private inputsLookup(): (bandId: string, service: ServiceType) => CostInputs {
    const db = this.session.db();
    const stored = new Map(readCostInputs(db).map((r) => [`${r.bandId}|${r.service}`, r.inputs]));
    const rural = new Map(readBands(db).map((b) => [b.id, b.minRuralShare >= 0.5]));
    return (bandId, service) => stored.get(`${bandId}|${service}`) ?? defaultCostInputs(service, rural.get(bandId) ?? false);
  }

  base(): PricingScenario {
    return baseScenario(readSettings(this.session.db()), this.term());
  }

  scenarios(): PricingScenario[] {
    return [this.base(), ...readScenarios(this.session.db())];
  }

  /** A saved scenario (or the base) with a change applied, checked as a whole. */
  scenario(name: string = BASE_SCENARIO, change: ScenarioChange = {}): { scenario: PricingScenario; edited: boolean } {
    const saved = this.scenarios().find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!saved) throw new ApiError('not-found', `There is no pricing scenario "${name}". Saved: ${this.scenarios().map((s) => s.name).join(', ')}.`);
    const merged = {
      ...saved,
      ...Object.fromEntries(Object.entries(change).filter(([k, v]) => v !== undefined && k !== 'spotRates' && k !== 'bids')),
      spotRates: { ...saved.spotRates, ...definedOnly(change.spotRates) },
      bids: { ...saved.bids, ...definedOnly(change.bids) },
    };
    const parsed = PricingScenarioSchema.safeParse(merged);
    if (!parsed.success) invalid('Scenario not used', parsed.error.issues);
    return { scenario: parsed.data, edited: JSON.stringify(parsed.data) !== JSON.stringify(saved) };
  }

  report(view: CostsView = {}): CostsReport {
    const { plan, metrics } = this.coverage.metrics(view.plan, 'all');
    const { scenario, edited } = this.scenario(view.scenario, view.change);
    const db = this.session.db();
    return costsReport({
      plan: { id: plan.id, name: plan.name },
      metrics,
      bands: readBands(db),
      lots: readLots(db),
      costInputs: this.inputsLookup(),
      scenario,
      edited,
      term: this.term(),
      weeksPerYear: readSettings(db).weeksPerYear,
      scenarios: this.scenarios().map((s) => s.name),
    });
  }

  setInputs(row: BandCostInputs): void {
    const db = this.session.db();
    if (!readBands(db).some((b) => b.id === row.bandId)) throw new ApiError('not-found', `There is no rate band "${row.bandId}".`);
    this.session.write((w) => recordEdit(w, null, `Change the cost model of ${row.bandId} ${row.service}`, ['cost_inputs'], () => writeCostInputs(w, row)));
  }

  setTerm(term: FrameworkTerm): void {
    const parsed = FrameworkTermSchema.safeParse(term);
    if (!parsed.success) invalid('Framework term not saved', parsed.error.issues);
    this.session.write((db) =>
      recordEdit(db, null, 'Change the framework term', ['framework_term', 'settings'], () => {
        const { envelope, ...rest } = parsed.data;
        writeTerm(db, rest);
        writeSettings(db, { ...readSettings(db), budgetPerYear: envelope });
      }),
    );
  }

  /** Saves a scenario under its name (replacing one of that name). The base is the project's settings and cannot be saved over. */
  save(scenario: PricingScenario): void {
    if (scenario.name.trim().toLowerCase() === BASE_SCENARIO.toLowerCase()) throw new ApiError('invalid-input', `"${BASE_SCENARIO}" is today's rates held; save the scenario under another name.`);
    const parsed = PricingScenarioSchema.safeParse(scenario);
    if (!parsed.success) invalid('Scenario not saved', parsed.error.issues);
    this.session.write((db) => recordEdit(db, null, `Save pricing scenario ${parsed.data.name}`, ['pricing_scenarios'], () => writeScenario(db, parsed.data)));
  }

  remove(name: string): void {
    this.session.write((db) =>
      recordEdit(db, null, `Delete pricing scenario ${name}`, ['pricing_scenarios'], () => {
        if (!deleteScenario(db, name)) throw new ApiError('not-found', `There is no saved pricing scenario "${name}".`);
      }),
    );
  }

  /** Every scenario's cost over the term for a plan, against the base. */
  compare(planName?: string): ScenarioComparison {
    const rows = this.scenarios().map((s) => {
      const r = this.report({ plan: planName, scenario: s.name });
      return {
        scenario: s.name,
        firstYearCost: r.years[0]?.totalCost ?? 0,
        termTotal: r.termTotal,
        envelopeTotal: r.envelopeTotal,
        headroom: r.envelopeTotal - r.termTotal,
        spotTotal: r.years.reduce((t, y) => t + y.spotCost, 0),
        difference: 0,
      };
    });
    const base = rows[0]!.termTotal;
    for (const row of rows) row.difference = row.termTotal - base;
    return { plan: this.coverage.metrics(planName).plan.name, rows };
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
