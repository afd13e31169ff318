import { useEffect, useId, useState } from 'react';
import type { History } from '../../../shared/api/contract';
import type { PlanChecks } from '../../../shared/plan/checks';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { api } from '../api';
import { hours } from '../../../shared/format';

export type EditTool = 'paint' | 'rectangle' | 'lasso' | 'line';

import type { EditCost } from './band-changes';
import { millions } from '../../../shared/format';

interface Props {
  zones: ZoneMetrics[];
  selectedZoneId: string | null;
  history: History;
  /** What the planner should fix, or null while loading. */
  checks: PlanChecks | null;
  /** The zone being painted into and the tool in use, or null. */
  painting: string | null;
  tool: EditTool;
  onTool(tool: EditTool): void;
  onPaint(zoneId: string | null): void;
  /** Areas picked by the last rectangle or lasso (for "new zone from selection"). */
  lastSelection: string[];
  /** Runs an edit; the workspace reloads after it. */
  onEdit(edit: () => Promise<unknown>): Promise<void>;
  /** Undo and Redo, which may switch to the plan the edit belongs to. */
  onUndoRedo(command: 'undo' | 'redo'): void;
  /** The rate bands a zone can be put in. */
  bands: readonly { id: string; name: string }[];
  /** What the map's fill shows while redrawing. */
  colourBy: 'zone' | 'coverage';
  onColourBy(colourBy: 'zone' | 'coverage'): void;
  /** Zones the last edit moved into another rate band. */
  /** What the last edit did to the annual cost, and the zones it moved into another rate band. */
  bandNotice?: EditCost | null;
}

/** Redraw zones: paint areas into a zone, make, merge, rename, recolour and lock zones; undo and redo. */
export function EditPanel({ zones, selectedZoneId, history, checks, painting, tool, onTool, onPaint, lastSelection, onEdit, onUndoRedo, bands, colourBy, onColourBy, bandNotice = null }: Props) {
  const id = useId();
  const [target, setTarget] = useState(selectedZoneId ?? zones[0]?.zoneId ?? '');
  const [mergeInto, setMergeInto] = useState('');
  const [newName, setNewName] = useState('');
  const zone = zones.find((z) => z.zoneId === target);
  const [name, setName] = useState(zone?.name ?? '');
  const [colour, setColour] = useState(zone?.colour ?? '#4e79a7');

  useEffect(() => {
    if (selectedZoneId) setTarget(selectedZoneId);
  }, [selectedZoneId]);
  // A zone merged away (or undone out of existence) is no longer a target: follow to one that exists.
  useEffect(() => {
    if (!zones.some((z) => z.zoneId === target)) setTarget(zones[0]?.zoneId ?? '');
    if (mergeInto && !zones.some((z) => z.zoneId === mergeInto)) setMergeInto('');
  }, [zones, target, mergeInto]);
  useEffect(() => {
    setName(zone?.name ?? '');
    setColour(zone?.colour ?? '#4e79a7');
  }, [zone?.name, zone?.colour]);

  const nameOf = (zoneId: string) => zones.find((z) => z.zoneId === zoneId)?.name ?? zoneId;

  return (
    <section className="edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Redraw zones</h2>
      {bandNotice && Math.abs(bandNotice.costChange) >= 0.5 && (
        <p className="edit-cost" role="status">
          The last edit {bandNotice.costChange > 0 ? 'raises' : 'lowers'} the plan's annual cost by {millions(Math.abs(bandNotice.costChange))} at today's rates
          {Math.abs(bandNotice.spotChange) >= 0.5 ? ` (spot purchases ${bandNotice.spotChange > 0 ? 'up' : 'down'} ${millions(Math.abs(bandNotice.spotChange))})` : ''}.
        </p>
      )}
      {bandNotice && bandNotice.bands.length > 0 && (
        <div className="band-notice" role="alert">
          {bandNotice.bands.map((b) => (
            <p key={b.zoneId}>
              {b.name} moves from the {b.fromBand} to the {b.toBand} rate band: its annual cost {b.costChange >= 0 ? 'rises' : 'falls'} by {millions(Math.abs(b.costChange))}.
            </p>
          ))}
        </div>
      )}
      <div className="form__actions">
        <button type="button" className="button" disabled={!history.canUndo} onClick={() => onUndoRedo('undo')} title={history.canUndo ? `Undo: ${history.canUndo}` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" className="button" disabled={!history.canRedo} onClick={() => onUndoRedo('redo')} title={history.canRedo ? `Redo: ${history.canRedo}` : 'Nothing to redo'}>
          Redo
        </button>
        <span className="hint">{history.canUndo ? `Last edit: ${history.canUndo}` : 'No edits yet'}. Every edit is saved at once.</span>
      </div>

      <div className="form">
        <label htmlFor={`${id}-zone`}>Zone</label>
        <select id={`${id}-zone`} value={target} onChange={(e) => setTarget(e.target.value)}>
          {zones.map((z) => (
            <option key={z.zoneId} value={z.zoneId}>
              {z.name}
            </option>
          ))}
        </select>
        <div className="tool-buttons" role="group" aria-label="Drawing tool">
          {(
            [
              ['paint', 'Brush'],
              ['rectangle', 'Rectangle'],
              ['lasso', 'Lasso'],
              ['line', 'Split along a line'],
            ] as [EditTool, string][]
          ).map(([value, label]) => (
            <button key={value} type="button" className={`button${tool === value ? ' button--primary' : ''}`} aria-pressed={tool === value} onClick={() => onTool(value)}>
              {label}
            </button>
          ))}
        </div>
        <div className="form__actions">
          <button type="button" className={`button${painting === target ? ' button--primary' : ''}`} aria-pressed={painting === target} onClick={() => onPaint(painting === target ? null : target)}>
            {painting === target ? 'Stop editing on the map' : tool === 'line' ? 'Draw a line to split this zone' : 'Paint areas into this zone'}
          </button>
        </div>
        <p className="edit__status" role="status">
          {!painting
            ? `A click on the map chooses the zone to edit (now ${nameOf(target)}); then pick a tool and press the button above to draw.`
            : tool === 'paint'
              ? `A click or a drag across areas moves them into ${nameOf(painting)} (outlined in gold). Esc stops.`
              : tool === 'line'
                ? `Press and drag a line across ${nameOf(painting)}: the areas on its left become a new zone. Esc stops.`
                : `Press and drag a ${tool} on the map: the areas whose middle falls inside move into ${nameOf(painting)}. Esc stops.`}
        </p>
        <label className="check">
          <input type="checkbox" checked={colourBy === 'coverage'} onChange={(e) => onColourBy(e.target.checked ? 'coverage' : 'zone')} /> Colour the map by coverage (else each zone in its own colour)
        </label>
        {zone && (
          <p className="hint">
            {zone.areaCount} areas · {hours(zone.demandHours)} h a week · coverage {zone.coverage === null ? '—' : `${Math.round(zone.coverage * 100)}%`}
          </p>
        )}
      </div>

      <fieldset>
        <legend>This zone</legend>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-colour`}>Colour</label>
          <input id={`${id}-colour`} type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-band`}>Rate band</label>
          <select
            id={`${id}-band`}
            value={zone?.bandOverridden ? zone.bandId : ''}
            disabled={!zone}
            onChange={(e) => void onEdit(() => api.updateZone({ zoneId: target, bandOverride: e.target.value || null }))}
          >
            <option value="">From its rural share{zone && !zone.bandOverridden ? ` (${zone.bandName})` : ''}</option>
            {bands.map((b) => (
              <option key={b.id} value={b.id}>
                Always {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="button" className="button" disabled={!zone || (name.trim() === zone.name && colour === zone.colour)} onClick={() => void onEdit(() => api.updateZone({ zoneId: target, name: name.trim(), colour }))}>
            Rename / recolour
          </button>
          <button type="button" className="button" disabled={!zone} aria-pressed={zone?.locked ?? false} onClick={() => void onEdit(() => api.updateZone({ zoneId: target, locked: !zone?.locked }))}>
            {zone?.locked ? 'Unlock' : 'Lock'}
          </button>
        </div>
        {zone?.locked && <p className="hint">Locked: no paint, split or merge moves its areas, and zone proposals leave it as it is.</p>}
        <div className="field">
          <label htmlFor={`${id}-merge`}>Merge into</label>
          <select id={`${id}-merge`} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">Choose a zone</option>
            {zones
              .filter((z) => z.zoneId !== target)
              .map((z) => (
                <option key={z.zoneId} value={z.zoneId}>
                  {z.name}
                </option>
              ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="button" className="button" disabled={!mergeInto} onClick={() => {
              const into = mergeInto;
              void onEdit(() => api.mergeZones({ from: target, into })).then(() => {
                setTarget(into);
                setMergeInto('');
              });
            }}
          >
            Merge
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>New zone</legend>
        <div className="field">
          <label htmlFor={`${id}-new`}>Name</label>
          <input id={`${id}-new`} value={newName} onChange={(e) => setNewName(e.target.value)} />
        </div>
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={!newName.trim()}
            onClick={() =>
              void onEdit(async () => {
                const answer = await api.createZone({ name: newName.trim(), areaCodes: [] });
                setNewName('');
                setTarget(answer.zoneId);
                onPaint(answer.zoneId);
                return answer;
              })
            }
          >
            Create and paint into it
          </button>
          <button
            type="button"
            className="button"
            disabled={!newName.trim() || lastSelection.length === 0}
            onClick={() => void onEdit(() => api.createZone({ name: newName.trim(), areaCodes: lastSelection }).then((answer) => (setNewName(''), answer)))}
          >
            Create from last selection ({lastSelection.length} areas)
          </button>
        </div>
      </fieldset>

      {checks && (
        <section aria-label="Plan checks" className="checks">
          <h3>Checks</h3>
          {checks.disconnected.length + checks.emptyZones.length + checks.unassignedAreas.length + checks.belowMinimumDemand.length === 0 ? (
            <p>Every zone is in one piece, none is empty, and every area has a zone.</p>
          ) : (
            <ul>
              {checks.disconnected.map((d) => (
                <li key={d.zoneId}>
                  {nameOf(d.zoneId)} is in {d.pieces.length} pieces: {d.pieces.map((p) => (p.length === 1 ? p[0] : `${p.length} areas`)).join(', ')}.
                </li>
              ))}
              {checks.emptyZones.map((z) => (
                <li key={z}>{nameOf(z)} has no areas.</li>
              ))}
              {checks.belowMinimumDemand.map((z) => (
                <li key={`min-${z.zoneId}`}>
                  {nameOf(z.zoneId)} has only {hours(z.demandHours)} h a week of demand, below the minimum set in Settings.
                </li>
              ))}
              {checks.unassignedAreas.length > 0 && <li>{checks.unassignedAreas.length} areas have no zone.</li>}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
