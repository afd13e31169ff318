import type { Contingency } from '../../../shared/coverage/schemas';
import { hours, km, percent } from '../../../shared/format';

const STATUS: Record<string, string> = {
  'on-framework': 'on framework',
  'exiting-framework': 'leaving framework',
  'non-framework': 'off framework',
  'new-bidder': 'new bidder',
};

/** Who could step in for the selected zone, nearest first; highlighted on the map. */
export function ContingencyPanel({ contingency }: { contingency: Contingency }) {
  return (
    <section className="contingency" aria-labelledby="contingency-title">
      <h3 id="contingency-title">Contingency</h3>
      <p className={`contingency__summary${contingency.needsNewBids ? ' contingency__summary--warn' : ''}`} role="status">
        {contingency.summary}
      </p>
      {contingency.candidates.length > 0 && (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Provider</th>
              <th scope="col">From zone</th>
              <th scope="col" className="num">Distance</th>
              <th scope="col" className="num">Spare h</th>
              <th scope="col" className="num">Share of gap</th>
            </tr>
          </thead>
          <tbody>
            {contingency.candidates.map((c, i) => (
              <tr key={`${c.providerId}-${c.fromZoneId}`}>
                <td>{i + 1}</td>
                <th scope="row">
                  {c.providerName}
                  <span className="muted"> ({STATUS[c.status] ?? c.status})</span>
                </th>
                <td>{c.inZone ? 'this zone (extra offer)' : `${c.fromZoneName}${c.neighbour ? ' (neighbour)' : ''}`}</td>
                <td className="num">{km(c.distanceKm)}</td>
                <td className="num">{hours(c.spareHours)}</td>
                <td className="num">{contingency.gapHours > 0 ? percent(c.gapShare) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
