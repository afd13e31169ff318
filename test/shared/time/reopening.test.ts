import { describe, expect, it } from 'vitest';
import { reopeningNeeds } from '../../../shared/time/reopening';
import { smallPlan, supplyRow } from '../../fixtures/small-plan';

describe('reopeningNeeds (the re-opening brief)', () => {
  it('invites bids for what brings each zone up to the amber line on the day, given known exits and joins', () => {
    const inputs = smallPlan();
    // P3 (120 h in Zone B) leaves on 31 March 2027; P5, a new bidder, starts on the re-opening day with 30 h in Zone D.
    inputs.providers.find((p) => p.id === 'P3')!.endDate = '2027-03-31';
    Object.assign(inputs.providers.find((p) => p.id === 'P5')!, { startDate: '2027-04-01' });
    inputs.supply.push(supplyRow('P5', 'D1', 30, 0, 0, 0));
    const { zones, totals } = reopeningNeeds(inputs, '2027-04-01');
    // Home care on 1 April 2027, the amber line at 100%:
    //   Zone B: 180 h needed, P1's 50 h left: invite 130. Zone D: 50 needed, P5's 30: invite 20. Zone E: 80 needed, 76 held: invite 4.
    //   Zones A (110 for 100) and C (60 × 4 for 150) are covered.
    // CHC: Zone B needs 20 h and has none: invite 20.
    expect(zones.map((z) => [z.zoneId, z.lot, Math.round(z.toInvite * 1000) / 1000])).toEqual([
      ['ZB', 'home-care', 130],
      ['ZB', 'chc', 20],
      ['ZD', 'home-care', 20],
      ['ZE', 'home-care', 4],
    ]);
    expect(zones.find((z) => z.zoneId === 'ZB' && z.lot === 'home-care')!.coverage).toBeCloseTo(50 / 180, 12);
    expect(totals).toEqual([
      { lot: 'home-care', unit: 'hour', toInvite: 154, zones: 3 },
      { lot: 'chc', unit: 'hour', toInvite: 20, zones: 1 },
    ]);
    // The day before, P3 is still there and P5 has not started.
    const before = reopeningNeeds(inputs, '2027-03-31');
    expect(before.zones.find((z) => z.zoneId === 'ZB' && z.lot === 'home-care')!.toInvite).toBeCloseTo(10, 9);
    expect(before.zones.find((z) => z.zoneId === 'ZD')!.toInvite).toBe(50);
  });
});
