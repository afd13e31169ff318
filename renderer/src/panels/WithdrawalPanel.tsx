import { useEffect, useId, useMemo, useState } from 'react';
import type { WithdrawalResult } from '../../../shared/coverage/schemas';
import type { Provider } from '../../../shared/domain/types';
import { money, percent, quantity, SUPPLY_LABELS } from '../../../shared/format';

interface Props {
  providers: Provider[];
  result: WithdrawalResult | null;
  busy: boolean;
  onSimulate(providerId: string, cutPercent: number): void;
  onClear(): void;
  /** Opens Export… on the map as it stands after the withdrawal (the table too, from there). */
  onExport(): void;
}

/** Pick a provider (type to search), optionally a cut, and see the map and table after its withdrawal. */
export function WithdrawalPanel({ providers, result, busy, onSimulate, onClear, onExport }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [providerId, setProviderId] = useState('');
  const [cut, setCut] = useState('100');
  const matches = useMemo(() => providers.filter((p) => p.name.toLowerCase().includes(query.trim().toLowerCase())), [providers, query]);
  // The provider simulated is always the one shown chosen: a pick the filter hides is dropped, and a filter down to one provider picks it.
  const chosen = matches.some((p) => p.id === providerId) ? providerId : matches.length === 1 ? matches[0]!.id : '';
  useEffect(() => {
    if (chosen !== providerId) setProviderId(chosen);
  }, [chosen, providerId]);
  const cutValue = Number(cut);
  const cutValid = cut.trim() !== '' && cutValue > 0 && cutValue <= 100;
  const unit = result?.after.totals.unit ?? 'hour';
  const q = (x: number) => quantity(x, unit);

  return (
    <section className="withdrawal" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Withdrawal simulation</h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && cutValid) onSimulate(chosen, cutValue);
        }}
      >
        <label htmlFor={`${id}-search`}>Find a provider</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Type part of a name" autoComplete="off" />
        <label htmlFor={`${id}-provider`}>Provider</label>
        <select id={`${id}-provider`} size={6} value={chosen} onChange={(e) => setProviderId(e.target.value)}>
          {matches.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-cut`}>Hours withdrawn (%)</label>
        <input id={`${id}-cut`} type="number" min={1} max={100} step={1} value={cut} onChange={(e) => setCut(e.target.value)} aria-invalid={!cutValid} aria-describedby={`${id}-cut-hint`} />
        <p id={`${id}-cut-hint`} className="hint">
          {cutValid ? '100% means the provider leaves; less means it cannot keep all its hours.' : 'Enter a percentage above 0 and at most 100.'}
        </p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!chosen || !cutValid || busy}>
            Simulate withdrawal
          </button>
          {result && (
            <>
              <button type="button" className="button" onClick={onClear}>
                Back to current state
              </button>
              <button type="button" className="button" onClick={onExport}>
                Export…
              </button>
            </>
          )}
        </div>
      </form>
      {result && (
        <div className="withdrawal__result" role="status">
          <h3>
            After {result.providerName} {result.cutPercent === 100 ? 'withdraws' : `cuts ${result.cutPercent}% of its hours`}
          </h3>
          <p className="withdrawal__summary">{result.summary}</p>
          <ul className="summary-list">
            <li>{q(result.lostHours)} a week of committed hours lost.</li>
            <li>
              {q(result.hoursToRehome)} a week of care in place to re-home, for {Math.round(result.peopleAffected)} people: {q(result.rehomedHours)} re-homed,{' '}
              <span className={result.unmetHours > 0.5 ? 'warn' : ''}>{q(result.unmetHours)} unmet</span>.
            </li>
            <li>Change in annual cost at spot rates: {money(result.costChangePerYear)}.</li>
            <li>
              {result.newlyFlaggedZones.length
                ? `Newly flagged: ${result.zones.filter((z) => z.newlyFlagged).map((z) => z.name).join(', ')}.`
                : 'No zone newly flagged.'}
            </li>
          </ul>
          {result.absorbed.length > 0 && (
            <>
              <h4>Who takes on the care</h4>
              <table className="compact">
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col" className="num">{unit === 'week' ? 'Weeks of care' : 'Hours a week'}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.absorbed.map((a) => (
                    <tr key={a.providerId}>
                      <th scope="row">
                        {a.providerName}
                        {a.supplyClass !== 'secure' && <span className="muted"> ({SUPPLY_LABELS[a.supplyClass]})</span>}
                      </th>
                      <td className="num">{q(a.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h4>Zones that change</h4>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col" className="num">Before</th>
                <th scope="col" className="num">After</th>
                <th scope="col" className="num">To re-home</th>
                <th scope="col" className="num">Unmet</th>
              </tr>
            </thead>
            <tbody>
              {result.zones
                .filter((z) => z.changed)
                .map((z) => (
                  <tr key={z.zoneId}>
                    <th scope="row">{z.name}</th>
                    <td className="num">{percent(z.before.coverage)}</td>
                    <td className={`num cls-${z.after.coverageClass}`}>{percent(z.after.coverage)}</td>
                    <td className="num">{q(z.hoursToRehome)}</td>
                    <td className="num">{q(z.unmetHours)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="hint">{result.method}</p>
        </div>
      )}
    </section>
  );
}
