import { fakeFontCollection } from '../../test/font-collection';
import { existsSync } from 'node:fs';
import {
  CJK_FONT_ENV,
  DEFAULT_LETTER_FONT_PATHS,
  LETTER_FONT_ENV,
  findCjkFont,
  findLetterFonts,
  fontCollectionFaces,
  isFontCollection,
  preferredChineseFace,
} from './cjk-font';

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

describe('findLetterFonts', () => {
  it("takes each face from its own variable (a bureau's licensed fonts)", () => {
    const env = {
      [LETTER_FONT_ENV.title]: __filename,
      [LETTER_FONT_ENV.body]: __dirname + '/cjk-font.ts',
      [LETTER_FONT_ENV.heading]: __dirname + '/letter-layout.ts',
    };
    expect(findLetterFonts(env)).toEqual({
      title: __filename,
      body: __dirname + '/cjk-font.ts',
      heading: __dirname + '/letter-layout.ts',
    });
  });

  it('falls back to the installed Noto default, else to BANLI_CJK_FONT', () => {
    const fonts = findLetterFonts({ [LETTER_FONT_ENV.title]: __filename, [CJK_FONT_ENV]: __dirname + '/cjk-font.ts' });
    expect(fonts?.title).toBe(__filename);
    for (const face of ['body', 'heading'] as const) {
      const expected = existsSync(DEFAULT_LETTER_FONT_PATHS[face])
        ? DEFAULT_LETTER_FONT_PATHS[face]
        : __dirname + '/cjk-font.ts';
      expect(fonts?.[face]).toBe(expected);
    }
  });

  it('reports a face variable that names no file', () => {
    expect(() => findLetterFonts({ [LETTER_FONT_ENV.body]: '/nonexistent/fangsong.ttf' })).toThrow(
      'BANLI_FONT_BODY=/nonexistent/fangsong.ttf: no such file',
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
