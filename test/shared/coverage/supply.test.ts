import { describe, expect, it } from 'vitest';
import { countsAsCover, inLotUnit, servicesIn, supplyClass } from '../../../shared/coverage/supply';
import { isKnownRuc, isRural } from '../../../shared/domain/types';

const provider = (status: Parameters<typeof supplyClass>[0]['status'], startDate: string | null = null, endDate: string | null = null) => ({ status, startDate, endDate });

describe('supplyClass', () => {
  it('is secure for an on-framework provider, from its start date to its end date', () => {
    expect(supplyClass(provider('on-framework'), '2026-10-01')).toBe('secure');
    expect(supplyClass(provider('on-framework', '2026-11-01'), '2026-10-01')).toBe('inactive');
    expect(supplyClass(provider('on-framework', null, '2026-09-30'), '2026-10-01')).toBe('inactive');
    expect(supplyClass(provider('on-framework', null, '2026-10-01'), '2026-10-01')).toBe('secure'); // its last day
  });
  it('is at risk for an exiting provider until it has gone', () => {
    expect(supplyClass(provider('exiting-framework', null, '2027-03-31'), '2026-10-01')).toBe('at-risk');
    expect(supplyClass(provider('exiting-framework', null, '2027-03-31'), '2027-04-01')).toBe('inactive');
    expect(supplyClass(provider('exiting-framework'), '2030-01-01')).toBe('at-risk'); // no end date known yet
  });
  it('is spot for a non-framework provider', () => {
    expect(supplyClass(provider('non-framework'), '2026-10-01')).toBe('spot');
  });
  it('makes a new bidder secure only from a start date it has reached', () => {
    expect(supplyClass(provider('new-bidder'), '2026-10-01')).toBe('inactive');
    expect(supplyClass(provider('new-bidder', '2027-04-01'), '2027-03-31')).toBe('inactive');
    expect(supplyClass(provider('new-bidder', '2027-04-01'), '2027-04-01')).toBe('secure');
  });
  it('counts secure supply as cover always, the others only when the settings say', () => {
    const off = { countAtRisk: 0, countSpot: 0 };
    expect(['secure', 'at-risk', 'spot', 'inactive'].map((c) => countsAsCover(c as never, off))).toEqual([true, false, false, false]);
    expect(countsAsCover('at-risk', { countAtRisk: 1, countSpot: 0 })).toBe(true);
    expect(countsAsCover('spot', { countAtRisk: 0, countSpot: 1 })).toBe(true);
    expect(countsAsCover('inactive', { countAtRisk: 1, countSpot: 1 })).toBe(false);
  });
});

describe('lot units', () => {
  it('adds only the hourly lots under "all" and turns live-in hours into weeks', () => {
    expect(servicesIn('all')).toEqual(['home-care', 'chc']);
    expect(servicesIn('live-in')).toEqual(['live-in']);
    expect(inLotUnit('live-in', 336)).toBe(2);
    expect(inLotUnit('chc', 336)).toBe(336);
  });
});

describe('rural-urban classes', () => {
  it('reads RUC 2011: D1–E2 rural, A1–C2 urban', () => {
    expect(['A1', 'B1', 'C1', 'C2'].map(isRural)).toEqual([false, false, false, false]);
    expect(['D1', 'D2', 'E1', 'E2'].map(isRural)).toEqual([true, true, true, true]);
  });
  it('reads RUC 2021: the smaller and larger rural classes rural, the urban classes urban', () => {
    expect(['RSN1', 'RSF1', 'RLN1', 'RLF1', 'rsn1 '].map(isRural)).toEqual([true, true, true, true, true]);
    expect(['UN1', 'UF1'].map(isRural)).toEqual([false, false]);
  });
  it('knows which codes are codes at all', () => {
    expect(['A1', 'E2', 'UN1', 'RLF1'].every(isKnownRuc)).toBe(true);
    expect(['F1', 'R1', 'Urban', '', 'RSN2'].some(isKnownRuc)).toBe(false);
  });
});
