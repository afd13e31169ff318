import type { PlanTotals as Totals } from '../../../shared/coverage/schemas';
import { hours, millions, percent } from '../../../shared/format';

/** The plan at a glance, always above the zone table. */
export function PlanTotals({ totals, label }: { totals: Totals; label: string }) {
  const over = totals.budgetHeadroom < 0;
  return (
    <section className="totals" aria-label={label}>
      <div className="totals__item">
        <span className="totals__label">Demand</span>
        <span className="totals__value">{hours(totals.demandHours)} h</span>
        <span className="totals__sub">a week</span>
      </div>
      <div className="totals__item">
        <span className="totals__label">Contracted</span>
        <span className="totals__value">{hours(totals.contractedHours)} h</span>
        <span className="totals__sub">{percent(totals.demandHours ? totals.contractedHours / totals.demandHours : null)} of demand</span>
      </div>
      <div className="totals__item">
        <span className="totals__label">Flagged zones</span>
        <span className="totals__value">
          {totals.flaggedZones} of {totals.zones}
        </span>
        <span className="totals__sub">
          {totals.redZones} red · {totals.amberZones} amber · {totals.fragileZones} fragile
        </span>
      </div>
      <div className={`totals__item${over ? ' totals__item--warn' : ''}`}>
        <span className="totals__label">Annual cost</span>
        <span className="totals__value">{millions(totals.annualCost)}</span>
        <span className="totals__sub">
          {over ? `${millions(-totals.budgetHeadroom)} over` : `${millions(totals.budgetHeadroom)} under`} budget of {millions(totals.budgetPerYear)}
        </span>
      </div>
    </section>
  );
}
