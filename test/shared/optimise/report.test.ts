import { describe, expect, it } from 'vitest';
import { proposedPlan, summaryOf } from '../../../shared/optimise/report';
import type { Proposal } from '../../../shared/optimise/search';
import { seedPlan } from '../../../shared/optimise/seed-plan';
import { gridInstance } from './grid';

const zones = [
  { id: 'Z01', name: 'North', colour: '#4e79a7', bandOverride: null },
  { id: 'Z02', name: 'South', colour: '#f28e2b', bandOverride: 'rural' },
];

describe('the proposal as a plan', () => {
  it('keeps the id, name, colour and band of a zone that is still that zone, and gives a zone of split-off areas a fresh id and a name from where its people came from', () => {
    const instance = gridInstance(1, 6, 2, 1); // start: areas 0–2 North, 3–5 South
    const seed = seedPlan(instance, 3);
    const zoneOf = Int32Array.from([0, 0, 0, 1, 1, 2].map((z) => z));
    const plan = proposedPlan(instance, { seed, zoneOf } as Proposal, zones);
    expect(plan.zones.map((z) => [z.id, z.name, z.colour, z.bandOverride, z.origin])).toEqual([
      ['Z01', 'North', '#4e79a7', null, 0],
      ['Z02', 'South', '#f28e2b', 'rural', 1],
      ['Z03', 'South 2', expect.stringMatching(/^#/), null, -1],
    ]);
    expect(plan.assignments.map(([, id]) => id)).toEqual(['Z01', 'Z01', 'Z01', 'Z02', 'Z02', 'Z03']);
  });

  it('does not let a name follow a zone onto another zone\'s areas', () => {
    const instance = gridInstance(1, 6, 2, 2);
    const seed = seedPlan(instance, 2);
    // The search's zone 0 (North) ended up on the southern half, zone 1 on the northern.
    const plan = proposedPlan(instance, { seed, zoneOf: Int32Array.from([1, 1, 1, 0, 0, 0]) } as Proposal, zones);
    expect(plan.zones.map((z) => z.name)).toEqual(['South 2', 'North 2']);
    expect(plan.zones.every((z) => z.origin === -1 && !['Z01', 'Z02'].includes(z.id))).toBe(true);
  });
});

describe('the summary', () => {
  const terms = { shortfallHours: 0, liveInWeeksShort: 0, fragileZones: 0, compactness: 0, mixedZones: 1, areasMoved: 0, peopleMoved: 0, objective: 0 };
  it('puts hours short and fragile zones first, then what moves', () => {
    expect(summaryOf(terms, { ...terms, areasMoved: 3, peopleMoved: 4500.4 }, { before: { shortfallHours: 500, fragileZones: 5 }, after: { shortfallHours: 250.25, fragileZones: 5 } })).toBe(
      'Fewer hours short: 500.0 hours a week now, 250.3 hours a week proposed; fragile zones stay at 5; 3 areas (4,500 people) change zone.',
    );
    expect(summaryOf(terms, { ...terms, areasMoved: 1, peopleMoved: 10, mixedZones: 2 }, { before: { shortfallHours: 10, fragileZones: 1 }, after: { shortfallHours: 12, fragileZones: 2 } })).toBe(
      'More hours short: 10.0 hours a week now, 12.0 hours a week proposed; more fragile zones: 1 now, 2 proposed; 1 area (10 people) changes zone; zones mixing rural and urban people: 1 now, 2 proposed.',
    );
  });
});
