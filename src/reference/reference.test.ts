import { describe, expect, it } from 'vitest';
import { findCarrier, listCarriers, lookupZip, networkOf, networks, stateAbbr, countyName } from './index.js';

describe('carrier registry', () => {
  it('maps brands to their host network', () => {
    expect(networkOf('att')).toBe('att');
    expect(networkOf('cricket')).toBe('att');
    expect(networkOf('visible')).toBe('verizon');
    expect(networkOf('metro')).toBe('tmobile');
    expect(networkOf('mint')).toBe('tmobile');
    expect(networkOf('boost')).toBe('boost');
    expect(networkOf('nope')).toBeUndefined();
  });

  it('has every brand the issue names', () => {
    const ids = listCarriers().map((c) => c.id);
    for (const id of ['att', 'cricket', 'verizon', 'visible', 'tmobile', 'metro', 'mint', 'uscellular', 'boost', 'other']) expect(ids).toContain(id);
    expect(findCarrier('att')?.name).toBe('AT&T');
    expect(networks().get('att')).toEqual(['att', 'cricket']);
  });
});

describe('ZIP -> county -> state', () => {
  it('resolves ZIPs to 5-digit county and 2-digit state FIPS', () => {
    expect(lookupZip('10001')).toMatchObject({ county: '36061', state: '36', stateAbbr: 'NY' });
    expect(lookupZip('90210')).toMatchObject({ county: '06037', state: '06', stateAbbr: 'CA' });
    // leading zeros kept: Massachusetts
    expect(lookupZip('02108')).toMatchObject({ state: '25', stateAbbr: 'MA' });
    expect(lookupZip('02108')?.county).toMatch(/^25\d{3}$/);
  });

  it('knows no made-up ZIP', () => {
    expect(lookupZip('00000')).toBeUndefined();
    expect(lookupZip('abcde')).toBeUndefined();
  });

  it('names states by FIPS', () => {
    expect(stateAbbr('48')).toBe('TX');
    expect(countyName('17097')).toBe('Lake, IL');
    expect(countyName('48201')).toBe('Harris, TX');
    expect(countyName('99999')).toBeUndefined();
  });
});
