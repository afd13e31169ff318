import { describe, expect, it } from 'vitest';
import { ZoneMembers } from '../../../shared/plan/zone-members';

describe('ZoneMembers', () => {
  it('follows areas as they move between zones, out of every zone and back', () => {
    const members = new ZoneMembers([['A1', 'ZA'], ['A2', 'ZA'], ['B1', 'ZB']]);
    members.move('A2', 'ZA', 'ZB');
    expect([...members.of('ZA')]).toEqual(['A1']);
    expect([...members.of('ZB')].sort()).toEqual(['A2', 'B1']);
    members.move('A1', 'ZA', null);
    expect(members.of('ZA').size).toBe(0);
    members.move('A1', undefined, 'ZC');
    expect([...members.of('ZC')]).toEqual(['A1']);
  });

  it('answers an empty set for a zone it has never seen', () => {
    expect(new ZoneMembers([]).of('nowhere').size).toBe(0);
  });
});
