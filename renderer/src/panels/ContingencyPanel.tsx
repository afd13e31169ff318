import { useState } from 'react';
import type { Contingency } from '../../../shared/coverage/schemas';
import { km, percent, quantity, SUPPLY_LABELS } from '../../../shared/format';

/** How many candidates after the closing set are listed before "Show all". */
export const SHOWN_AFTER_SET = 5;

/** Who could step in for the selected zone, the smallest closing set first; numbered on the map. */
export function ContingencyPanel({ contingency }: { contingency: Contingency }) {
  const q = (x: number) => quantity(x, contingency.unit);
  // The closing set and a few after it; the rest on request (a long list hides the answer).
  const [all, setAll] = useState(false);
  const closing = contingency.candidates.filter((c) => c.inClosingSet).length;
  const shown = all ? contingency.candidates : contingency.candidates.slice(0, Math.max(closing, 0) + SHOWN_AFTER_SET);
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
              <th scope="col">From</th>
              <th scope="col" className="num">Distance</th>
              <th scope="col" className="num">Spare</th>
              <th scope="col" className="num">Share of gap</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c, i) => (
              <tr key={c.providerId} className={c.inClosingSet ? 'closing' : ''}>
                <td>
                  {i + 1}
                  {c.inClosingSet && <span className="visually-hidden"> (in the smallest set that closes the gap)</span>}
                </td>
                <th scope="row">
                  {c.providerName}
                  {c.supplyClass !== 'secure' && <span className="muted"> ({SUPPLY_LABELS[c.supplyClass]})</span>}
                </th>
                <td>
                  {c.fromZones
                    .map((z) => (z.zoneId === contingency.zoneId ? 'this zone (extra offer)' : z.name))
                    .join(', ')}
                  {c.neighbour && !c.inZone ? ' (neighbour)' : ''}
                </td>
                <td className="num">{km(c.distanceKm)}</td>
                <td className="num">{q(c.spareHours)}</td>
                <td className="num">{contingency.gapHours > 0 ? percent(c.gapShare) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < contingency.candidates.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {contingency.candidates.length} providers within reach
        </button>
      )}
      {contingency.candidates.some((c) => c.inClosingSet) && <p className="hint">Bold rows: the fewest providers that together close the gap, on-framework providers first. The numbers match the badges on the map.</p>}
    </section>
  );
}
