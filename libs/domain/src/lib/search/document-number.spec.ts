import { parseDocumentNumber } from './document-number';

describe('parseDocumentNumber', () => {
  it('reads the short form as any issuer of that year and sequence', () => {
    expect(parseDocumentNumber('〔2026〕12号')).toEqual({ year: 2026, sequence: 12 });
    expect(parseDocumentNumber(' 〔2026〕12 ')).toEqual({ year: 2026, sequence: 12 });
    expect(parseDocumentNumber('[2026]12号')).toEqual({ year: 2026, sequence: 12 });
    expect(parseDocumentNumber('（２０２６）第１２号')).toEqual({ year: 2026, sequence: 12 });
  });

  it('reads the full form with its issuer code', () => {
    expect(parseDocumentNumber('市农发〔2026〕12号')).toEqual({ issuerCode: '市农发', year: 2026, sequence: 12 });
    expect(parseDocumentNumber('X工信函【2025】7号')).toEqual({ issuerCode: 'X工信函', year: 2025, sequence: 7 });
  });

  it('is not fooled by text that is not a document number', () => {
    expect(parseDocumentNumber('数字经济')).toBeNull();
    expect(parseDocumentNumber('0123')).toBeNull();
    expect(parseDocumentNumber('2026 12号')).toBeNull();
    expect(parseDocumentNumber('〔26〕12号')).toBeNull();
    expect(parseDocumentNumber('〔2026〕0号')).toBeNull();
    expect(parseDocumentNumber('关于 〔2026〕12号')).toBeNull();
    expect(parseDocumentNumber('')).toBeNull();
  });
});
