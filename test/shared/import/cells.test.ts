import { describe, expect, it } from 'vitest';
import { parseNumber, parseService, parseServices, parseShare, parseStatus } from '../../../shared/import/cells';
import { guessBoundaryFields, guessMapping } from '../../../shared/import/kinds';

describe('reading cells as people type them', () => {
  it.each([
    ['1,200', 1200],
    ['£1,234.50', 1234.5],
    [' 12 ', 12],
    ['24,60', 24.6],
    ['(5)', -5],
    ['-£3.20', -3.2],
    ['1 200', 1200],
    ['GBP 7', 7],
    ['', null],
  ])('%j is %j', (cell, value) => {
    expect(parseNumber(cell)).toBe(value);
  });

  it('reads commas as the decimal mark where the file is separated by semicolons', () => {
    expect(parseNumber('-0,8876', true)).toBeCloseTo(-0.8876);
    expect(parseNumber('1.200,5', true)).toBe(1200.5);
  });

  it('says NaN for text that is not a number', () => {
    expect(parseNumber('twelve')).toBeNaN();
    expect(parseNumber('12 hours')).toBeNaN();
  });

  it('reads shares, services and statuses', () => {
    expect(parseShare('40%')).toBeCloseTo(0.4);
    expect(parseShare('0.4')).toBeCloseTo(0.4);
    expect(parseShare('75')).toBeCloseTo(0.75);
    expect(parseService('Domiciliary care')).toBe('home-care');
    expect(parseServices('Home care; CHC')).toEqual(['home-care', 'chc']);
    expect(parseServices('Home care; gardening')).toBeNull();
    expect(parseStatus('New bidder')).toBe('new-bidder');
  });

  it('maps columns by their usual names, and prefers a saved mapping whose columns are all there', () => {
    const headers = ['Provider', 'Zone', 'Contracted hours per week'];
    expect(guessMapping('capacity', headers)).toEqual({ provider: 'Provider', zone: 'Zone', hours: 'Contracted hours per week', additionalHours: null });
    const saved = { provider: 'Zone', zone: 'Provider', hours: 'Contracted hours per week' };
    expect(guessMapping('capacity', headers, saved)).toMatchObject(saved);
    expect(guessMapping('capacity', headers, { ...saved, additionalHours: 'Spare' })).toMatchObject({ provider: 'Provider' });
  });

  it('picks ONS code and name properties for boundaries', () => {
    expect(guessBoundaryFields(['OBJECTID', 'LSOA21CD', 'LSOA21NM', 'LAD22CD'])).toEqual({ idField: 'LSOA21CD', nameField: 'LSOA21NM' });
    expect(guessBoundaryFields(['WD13CD', 'WD13CDO', 'WD13NM'])).toEqual({ idField: 'WD13CD', nameField: 'WD13NM' });
    expect(guessBoundaryFields(['zone_id', 'zone_name'])).toEqual({ idField: 'zone_id', nameField: 'zone_name' });
  });
});
