import { formatDocumentNumber, numberingYear, parseDocumentNumber } from '../../../shared/platform/document-number';

describe('document numbers', () => {
  it.each([
    ['quote', 2026, 42, 'Q-2026-00042'],
    ['order', 2026, 42, 'SO-2026-00042'],
    ['invoice', 2026, 42, 'INV-2026-00042'],
    ['order', 2027, 1, 'SO-2027-00001'],
    ['invoice', 2026, 99_999, 'INV-2026-99999'],
    ['invoice', 2026, 123_456, 'INV-2026-123456'],
  ] as const)('%s %p #%p → %s', (kind, year, sequence, expected) => {
    expect(formatDocumentNumber(kind, year, sequence)).toBe(expected);
    expect(parseDocumentNumber(expected)).toEqual({ kind, year, sequence });
  });

  it('refuses sequences and years that cannot be numbers', () => {
    expect(() => formatDocumentNumber('quote', 2026, 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber('quote', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatDocumentNumber('quote', 26, 1)).toThrow(RangeError);
  });

  it('does not parse other text', () => {
    expect(parseDocumentNumber('X-2026-00001')).toBeUndefined();
    expect(parseDocumentNumber('SO-2026-42')).toBeUndefined();
  });

  it('numbers by the UTC year', () => {
    expect(numberingYear(new Date('2026-12-31T23:59:59Z'))).toBe(2026);
    expect(numberingYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });
});
