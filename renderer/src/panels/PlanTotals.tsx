import type { PlanTotals as Totals } from '../../../shared/coverage/schemas';
import { millions, percent, quantity } from '../../../shared/format';

/** The plan at a glance, always above the zone table. */
export function PlanTotals({ totals, label }: { totals: Totals; label: string }) {
  const over = totals.budgetHeadroom < 0;
  const q = (x: number) => quantity(x, totals.unit);
  return (
    <section className="totals" aria-label={label}>
      <div className="totals__item">
        <span className="totals__label">Demand</span>
        <span className="totals__value">{q(totals.demandHours)}</span>
        <span className="totals__sub">a week · {q(totals.unsourcedHours)} unsourced</span>
      </div>
      <div className="totals__item">
        <span className="totals__label">Secure supply</span>
        <span className="totals__value">{q(totals.secureHours)}</span>
        <span className="totals__sub">
          {percent(totals.demandHours ? totals.coverHours / totals.demandHours : null)} cover · {q(totals.atRiskHours)} at risk · {q(totals.spotHours)} spot
        </span>
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
      <div className={`totals__item${over && totals.lot === 'all' ? ' totals__item--warn' : ''}`}>
        <span className="totals__label">Council cost a year</span>
        <span className="totals__value">{millions(totals.councilAnnualCost)}</span>
        <span className="totals__sub">
          {/* The budget covers every lot: a single lot's cost is a part of it, not a comparison. */}
          {totals.lot !== 'all'
            ? `this lot's share of the ${millions(totals.budgetPerYear)} budget`
            : `${over ? `${millions(-totals.budgetHeadroom)} over` : `${millions(totals.budgetHeadroom)} under`} budget of ${millions(totals.budgetPerYear)}`}
          {totals.annualCost - totals.councilAnnualCost > 1 ? ` · ${millions(totals.annualCost - totals.councilAnnualCost)} NHS-funded` : ''}
        </span>
      </div>
    </section>
  );
}
