import { useState } from 'react';
import type { Settings } from '../../../shared/domain/types';
import { CLASS_FILL, CLASS_ORDER, classLabel, HATCH_INK, HATCH_LABEL } from '../../../shared/style/coverage-style';

/** The map's key: the classes with their thresholds, hatching, and what the circles mean. */
export function Legend({ settings, colourBy = 'coverage', numbered = false, startOpen = true }: { settings: Settings; colourBy?: 'coverage' | 'zone'; numbered?: boolean; startOpen?: boolean }) {
  // Collapsible, so that on a small screen it does not cover the south of the county.
  const [open, setOpen] = useState(startOpen);
  if (!open) {
    return (
      <section className="legend legend--closed" aria-label="Map legend">
        <button type="button" className="link-button" aria-expanded={false} onClick={() => setOpen(true)}>
          Show the legend
        </button>
      </section>
    );
  }
  const hide = (
    <button type="button" className="link-button legend__hide" aria-expanded={true} onClick={() => setOpen(false)}>
      Hide
    </button>
  );
  if (colourBy === 'zone') {
    return (
      <section className="legend" aria-label="Map legend">
        <h2 className="legend__title">Zones {hide}</h2>
        <p className="legend__note">Each zone in its own colour (Redraw). The zone being edited is outlined in gold.</p>
      </section>
    );
  }
  return (
    <section className="legend" aria-label="Map legend">
      <h2 className="legend__title">Coverage {hide}</h2>
      <ul>
        {CLASS_ORDER.map((cls) => (
          <li key={cls} data-class={cls}>
            <svg width="22" height="14" aria-hidden="true">
              <rect width="22" height="14" fill={CLASS_FILL[cls]} stroke="#555" strokeWidth="0.5" />
            </svg>
            {classLabel(cls, settings)}
          </li>
        ))}
        <li>
          <svg width="22" height="14" aria-hidden="true">
            <defs>
              <pattern id="legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" stroke={HATCH_INK} strokeWidth="1.6" strokeOpacity="0.6" />
              </pattern>
            </defs>
            <rect width="22" height="14" fill="#ffffff" stroke="#555" strokeWidth="0.5" />
            <rect width="22" height="14" fill="url(#legend-hatch)" />
          </svg>
          {HATCH_LABEL}
        </li>
        <li>
          <svg width="22" height="14" aria-hidden="true">
            <circle cx="11" cy="7" r="5" fill="#ffffff" stroke="#1d2327" strokeWidth="1.2" />
          </svg>
          Provider branch (size: hours a week)
        </li>
        {numbered && (
          <li>
            <svg width="22" height="14" aria-hidden="true">
              <circle cx="11" cy="7" r="6.5" fill="#1d2327" />
              <text x="11" y="10" textAnchor="middle" fontSize="9" fill="#ffffff">
                1
              </text>
            </svg>
            Who could step in for the selected zone, in order (see Contingency)
          </li>
        )}
      </ul>
    </section>
  );
}
