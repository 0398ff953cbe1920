import { existsSync } from 'node:fs';

export const CJK_FONT_ENV = 'BANLI_CJK_FONT';

/**
 * Fonts of the Debian packages fonts-wqy-microhei and fonts-noto-cjk, in the order
 * scripts/ensure-fonts.sh checks them (that script installs the first when none is there).
 */
export const KNOWN_CJK_FONT_PATHS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
] as const;

/**
 * A CJK TrueType/OpenType font file for the PDF: `BANLI_CJK_FONT`, else the first known
 * installed one, else undefined (run scripts/ensure-fonts.sh). Installs nothing.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[CJK_FONT_ENV];
  if (configured) {
    // A configured font that is missing is a mistake to report, not a reason to pick another.
    if (!existsSync(configured)) throw new Error(`${CJK_FONT_ENV}=${configured}: no such file`);
    return configured;
  }
  return KNOWN_CJK_FONT_PATHS.find((path) => existsSync(path));
}

/** A TrueType/OpenType collection (.ttc) holds several faces; a single font file holds one. */
export function isFontCollection(font: Uint8Array): boolean {
  return font.length >= 4 && String.fromCharCode(font[0], font[1], font[2], font[3]) === 'ttcf';
}

const POSTSCRIPT_NAME_ID = 6;

function postScriptNameAt(view: DataView, fontOffset: number): string | undefined {
  const numTables = view.getUint16(fontOffset + 4);
  for (let t = 0; t < numTables; t++) {
    const record = fontOffset + 12 + t * 16;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(record + i)));
    if (tag !== 'name') continue;
    const table = view.getUint32(record + 8);
    const count = view.getUint16(table + 2);
    const strings = table + view.getUint16(table + 4);
    for (let r = 0; r < count; r++) {
      const entry = table + 6 + r * 12;
      if (view.getUint16(entry + 6) !== POSTSCRIPT_NAME_ID) continue;
      const platform = view.getUint16(entry);
      const length = view.getUint16(entry + 8);
      const start = strings + view.getUint16(entry + 10);
      if (platform === 3 || platform === 0) {
        const chars: number[] = [];
        for (let i = 0; i < length; i += 2) chars.push(view.getUint16(start + i));
        return String.fromCharCode(...chars);
      }
      if (platform === 1) {
        return String.fromCharCode(...Array.from({ length }, (_, i) => view.getUint8(start + i)));
      }
    }
  }
  return undefined;
}

/** The PostScript names of a collection's faces, in file order (the names pdfkit selects by). */
export function fontCollectionFaces(font: Uint8Array): string[] {
  if (!isFontCollection(font)) return [];
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint32(8);
  const faces: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = postScriptNameAt(view, view.getUint32(12 + i * 4));
    if (name) faces.push(name);
  }
  return faces;
}

/**
 * The face of a collection to set Chinese text in: the Simplified Chinese one where the
 * collection has one per region (Noto CJK), else the first that is not monospaced.
 */
export function preferredChineseFace(faces: readonly string[]): string | undefined {
  return faces.find((f) => /CJKsc|SC-|GB/.test(f)) ?? faces.find((f) => !/mono/i.test(f)) ?? faces[0];
}

/** The environment variables naming each face's font file; each falls back to BANLI_CJK_FONT. */
export const LETTER_FONT_ENV = {
  title: 'BANLI_FONT_TITLE',
  body: 'BANLI_FONT_BODY',
  heading: 'BANLI_FONT_HEADING',
} as const;

/** A font file for each face of the letter: 小标宋 (title, issuer), 仿宋 (body), 黑体 (headings). */
export interface LetterFontFiles {
  title: string;
  body: string;
  heading: string;
}

/**
 * The free defaults, from the Debian package fonts-noto-cjk (scripts/ensure-fonts.sh installs
 * it): Debian has no free 小标宋 or 仿宋, and Noto Serif CJK SC is the closest Song face (bold
 * for the title's heavy 小标宋); Noto Sans CJK SC bold stands in for 黑体.
 */
export const DEFAULT_LETTER_FONT_PATHS: Readonly<LetterFontFiles> = {
  title: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
  body: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  heading: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
};

/**
 * The letter's fonts, each face from its own variable (a bureau's licensed 方正小标宋简体,
 * 仿宋_GB2312, 黑体), else the installed Noto default, else the one CJK font findCjkFont finds.
 * Undefined when a face has none.
 */
export function findLetterFonts(env: NodeJS.ProcessEnv = process.env): LetterFontFiles | undefined {
  const faces = Object.keys(LETTER_FONT_ENV) as (keyof LetterFontFiles)[];
  const found: Partial<LetterFontFiles> = {};
  for (const face of faces) {
    const name = LETTER_FONT_ENV[face];
    const configured = env[name];
    if (configured && !existsSync(configured)) throw new Error(`${name}=${configured}: no such file`);
    const path =
      configured || (existsSync(DEFAULT_LETTER_FONT_PATHS[face]) ? DEFAULT_LETTER_FONT_PATHS[face] : findCjkFont(env));
    if (!path) return undefined;
    found[face] = path;
  }
  const { title, body, heading } = found;
  return title && body && heading ? { title, body, heading } : undefined;
}
