import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../app/routes/accepts-gzip.ts';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate', true],
    ['gzip, deflate, br, zstd', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['br;q=1.0, gzip;q=0.8', true],
    [' deflate , gzip ; q=0.5 ', true],
    ['*', true],
    ['br, *;q=0.1', true],
  ])('takes gzip from %j', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['identity', false],
    ['br, deflate', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['*;q=0', false],
    // named gzip wins over the wildcard either way
    ['gzip;q=0, *', false],
    ['gzip;q=abc', false],
    ['gzipped', false],
  ])('refuses gzip for %j', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
