import { useMemo, useState } from 'react';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { CLASS_FILL } from '../../../shared/style/coverage-style';
import { FLAG_LABELS, millions, percent, quantity } from '../../../shared/format';
import { useAfterFirstPaint } from '../components/use-after-first-paint';

interface Props {
  zones: ZoneMetrics[];
  selectedZoneId: string | null;
  changedZones: Set<string>;
  districtNames: Map<string, string>;
  onSelect(zoneId: string): void;
  /** Zones whose people figures are hidden on screen (screen-suppression.ts), with the text shown instead. */
  hidden?: Map<string, string>;
}

type SortKey = 'name' | 'demandHours' | 'coverHours' | 'coverage' | 'n1Coverage' | 'providerCount' | 'bandName' | 'annualCost';
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Zone', numeric: false },
  { key: 'demandHours', label: 'Demand', numeric: true },
  { key: 'coverHours', label: 'Supply', numeric: true },
  { key: 'coverage', label: 'Cover', numeric: true },
  { key: 'n1Coverage', label: 'N-1', numeric: true },
  { key: 'providerCount', label: 'Providers', numeric: true },
  { key: 'bandName', label: 'Band', numeric: false },
  { key: 'annualCost', label: 'Cost a year', numeric: true },
];

/** Rows drawn with the first screen: more than fit in view, and all of a county's zones. The rest follow its first frame. */
const FIRST_ROWS = 40;

/** Sortable, filterable table of zones; choosing a row selects the zone on the map too. */
export function ZoneTable({ zones, selectedZoneId, changedZones, districtNames, onSelect, hidden = new Map() }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'coverage', ascending: true });
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [band, setBand] = useState('');
  const [district, setDistrict] = useState('');
  const bands = useMemo(() => [...new Set(zones.map((z) => z.bandName))].sort(), [zones]);
  const districts = useMemo(() => [...new Set(zones.flatMap((z) => z.districts))].sort((a, b) => (districtNames.get(a) ?? a).localeCompare(districtNames.get(b) ?? b)), [zones, districtNames]);

  const rows = useMemo(() => {
    const shown = zones.filter((z) => (!flaggedOnly || z.flags.length > 0) && (!band || z.bandName === band) && (!district || z.districts.includes(district)));
    const value = (z: ZoneMetrics) => z[sort.key] ?? -Infinity;
    return [...shown].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number);
      return (sort.ascending ? order : -order) || a.name.localeCompare(b.name);
    });
  }, [zones, flaggedOnly, band, district, sort]);
  const drawn = useAfterFirstPaint() ? rows : rows.slice(0, FIRST_ROWS);

  return (
    <div className={`zone-table${selectedZoneId ? ' zone-table--compact' : ''}`}>
      <div className="filters" role="group" aria-label="Filter zones">
        <label className="check">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> Flagged only
        </label>
        <label>
          Band{' '}
          <select value={band} onChange={(e) => setBand(e.target.value)}>
            <option value="">All</option>
            {bands.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          District{' '}
          <select value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">All</option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {districtNames.get(d) ?? d}
              </option>
            ))}
          </select>
        </label>
        <span className="filters__count" aria-live="polite">
          {rows.length} of {zones.length} zones
        </span>
      </div>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Zones with their demand, supply counted as cover, coverage and cost</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : ''} aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key: c.key, ascending: s.key === c.key ? !s.ascending : true }))}>
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {drawn.map((z) => (
              <tr key={z.zoneId} className={`${z.zoneId === selectedZoneId ? 'selected' : ''}${changedZones.has(z.zoneId) ? ' changed' : ''}`} aria-selected={z.zoneId === selectedZoneId} data-zone-id={z.zoneId}>
                <th scope="row">
                  <button type="button" className="row-button" onClick={() => onSelect(z.zoneId)}>
                    <svg width="12" height="12" aria-hidden="true">
                      <rect width="12" height="12" fill={CLASS_FILL[z.coverageClass]} stroke="#555" strokeWidth="0.5" />
                    </svg>
                    {z.name}
                  </button>
                  {z.flags.length > 0 && <span className="flag-list">{z.flags.map((f) => FLAG_LABELS[f]).join(' · ')}</span>}
                  {z.locked && <span className="badge badge--changed">locked</span>}
                  {changedZones.has(z.zoneId) && <span className="badge badge--changed">changed</span>}
                </th>
                <td className="num">{hidden.get(z.zoneId) ?? quantity(z.demandHours, z.unit)}</td>
                <td className="num">{quantity(z.coverHours, z.unit)}</td>
                <td className={`num cls-${z.coverageClass}`}>{hidden.get(z.zoneId) ?? percent(z.coverage)}</td>
                <td className="num">{hidden.get(z.zoneId) ?? percent(z.n1Coverage)}</td>
                <td className="num">{z.providerCount}</td>
                <td>{z.bandName}</td>
                <td className="num">{hidden.get(z.zoneId) ?? millions(z.annualCost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
