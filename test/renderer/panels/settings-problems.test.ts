import { describe, expect, it } from 'vitest';
import { placeProblems } from '../../../renderer/src/panels/settings-problems';

const model = {
  bands: [{ id: 'urban', name: 'Urban' }, { id: 'rural', name: 'Rural' }],
  lots: [{ service: 'home-care' }, { service: 'chc' }],
} as never;
const labels = new Map([
  ['redBelow', 'Red below (% coverage)'],
  ['rural.floor', 'Floor (optional)'],
  ['lot.chc.councilShare', "Council's share of the cost"],
]);

describe('placing the services\' problems beside their fields', () => {
  it('names each by its label, not its internal name, and keeps the rest apart', () => {
    const placed = placeProblems(['redBelow: the red line must not be above the amber line', 'bands.1.floor: the floor must not be above the hourly rate', 'settings.redBelow: must be at most 500%', 'lots.1.councilShare: must be at most 100%', 'Something else went wrong.'], model, labels);
    expect([...placed]).toEqual([
      ['redBelow', 'Red below (% coverage): must be at most 500%'],
      ['rural.floor', 'Rural band, floor (optional): the floor must not be above the hourly rate'],
      ['lot.chc.councilShare', "Council's share of the cost: must be at most 100%"],
      ['(4)', 'Something else went wrong.'],
    ]);
  });
});
