import { fakeFontCollection } from '../../test/font-collection';
import { CJK_FONT_ENV, findCjkFont, fontCollectionFaces, isFontCollection, preferredChineseFace } from './cjk-font';

describe('findCjkFont', () => {
  it(`takes ${CJK_FONT_ENV} first`, () => {
    expect(findCjkFont({ [CJK_FONT_ENV]: __filename })).toBe(__filename);
  });

  it(`reports a ${CJK_FONT_ENV} that names no file rather than picking another font`, () => {
    expect(() => findCjkFont({ [CJK_FONT_ENV]: '/nonexistent/font.ttc' })).toThrow(
      `${CJK_FONT_ENV}=/nonexistent/font.ttc: no such file`,
    );
  });
});

describe('font collections', () => {
  it('lists the PostScript names of the faces, in order', () => {
    const ttc = fakeFontCollection(['WenQuanYiMicroHei', 'WenQuanYiMicroHeiMono']);
    expect(isFontCollection(ttc)).toBe(true);
    expect(fontCollectionFaces(ttc)).toEqual(['WenQuanYiMicroHei', 'WenQuanYiMicroHeiMono']);
  });

  it('reads Macintosh-encoded names too', () => {
    expect(fontCollectionFaces(fakeFontCollection(['FakeSerif'], 1))).toEqual(['FakeSerif']);
  });

  it('sees a single font file as no collection', () => {
    const ttf = new Uint8Array([0, 1, 0, 0, 0, 12]);
    expect(isFontCollection(ttf)).toBe(false);
    expect(fontCollectionFaces(ttf)).toEqual([]);
  });

  it.each([
    [
      ['NotoSerifCJKjp-Regular', 'NotoSerifCJKkr-Regular', 'NotoSerifCJKsc-Regular', 'NotoSerifCJKtc-Regular'],
      'NotoSerifCJKsc-Regular',
    ],
    [['WenQuanYiMicroHeiMono', 'WenQuanYiMicroHei'], 'WenQuanYiMicroHei'],
    [['SomeFace'], 'SomeFace'],
  ])('sets Chinese in the Simplified Chinese or proportional face of %p', (faces, face) => {
    expect(preferredChineseFace(faces)).toBe(face);
  });
});
