import { useId } from 'react';
import { LOT_FILTERS, type LotFilter } from '../../../shared/coverage/supply';
import { LOT_LABELS } from '../../../shared/format';

/** Which lot the map, table, zone detail and exports show. "All lots" adds hours to hours; live-in is counted in weeks. */
export function LotPicker({ lot, onChange }: { lot: LotFilter; onChange(lot: LotFilter): void }) {
  const id = useId();
  return (
    <div className="lot-picker">
      <label htmlFor={id}>Lot</label>
      <select id={id} value={lot} onChange={(e) => onChange(e.target.value as LotFilter)}>
        {LOT_FILTERS.map((l) => (
          <option key={l} value={l}>
            {l === 'all' ? 'All lots (hours of home care and CHC)' : LOT_LABELS[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
