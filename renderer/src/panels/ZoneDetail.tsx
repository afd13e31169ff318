import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { classLabel } from '../../../shared/style/coverage-style';
import type { Settings } from '../../../shared/domain/types';
import { FLAG_LABELS, hours, millions, percent, rate } from '../../../shared/format';

/** One zone: its figures, why it is flagged in plain words, and who serves it. */
export function ZoneDetail({ zone, settings, districtNames }: { zone: ZoneMetrics; settings: Settings; districtNames: Map<string, string> }) {
  return (
    <section className="zone-detail" aria-labelledby="zone-detail-title">
      <h2 id="zone-detail-title">{zone.name}</h2>
      <p className={`class-line cls-${zone.coverageClass}`}>{classLabel(zone.coverageClass, settings)}</p>
      {zone.reasons.length > 0 ? (
        <ul className="reasons">
          {zone.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p className="reasons reasons--none">Not flagged: covered, and still covered if its largest provider withdrew.</p>
      )}
      <dl className="facts facts--grid">
        <dt>Demand</dt>
        <dd>{hours(zone.demandHours)} h a week ({Math.round(zone.packages)} packages)</dd>
        <dt>Contracted</dt>
        <dd>{hours(zone.contractedHours)} h a week</dd>
        <dt>Coverage</dt>
        <dd>{percent(zone.coverage)}</dd>
        <dt>Without largest provider</dt>
        <dd>{percent(zone.n1Coverage)}</dd>
        <dt>Spare</dt>
        <dd>{hours(zone.spareHours)} h a week</dd>
        <dt>Band</dt>
        <dd>
          {zone.bandName} at {rate(zone.hourlyRate)} an hour{zone.bandOverridden ? ' (set by hand)' : ''}; {percent(zone.ruralShare)} of people in rural areas
        </dd>
        <dt>Annual cost</dt>
        <dd>{millions(zone.annualCost)}</dd>
        <dt>Districts</dt>
        <dd>{zone.districts.map((d) => districtNames.get(d) ?? d).join(', ')}</dd>
        <dt>Flags</dt>
        <dd>{zone.flags.length ? zone.flags.map((f) => FLAG_LABELS[f]).join(', ') : 'None'}</dd>
      </dl>
      <h3>Providers serving this zone</h3>
      {zone.providers.length ? (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col" className="num">Contracted h</th>
              <th scope="col" className="num">Share</th>
              <th scope="col" className="num">Offered extra h</th>
            </tr>
          </thead>
          <tbody>
            {zone.providers.map((p) => (
              <tr key={p.providerId}>
                <th scope="row">{p.providerName}</th>
                <td className="num">{hours(p.contractedHours)}</td>
                <td className="num">{percent(p.share)}</td>
                <td className="num">{hours(p.additionalHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No provider holds hours in this zone.</p>
      )}
    </section>
  );
}
