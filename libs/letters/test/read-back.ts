import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { findCjkFont, findLetterFonts, type LetterFontFiles } from '../src/lib/cjk-font';

/** The letter's text with whitespace removed: renderings may wrap lines and add spaces. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** Fails the way a person would want when a rendering's text lacks a line or has them out of order. */
export function expectLinesInOrder(text: string, lines: string[]): void {
  const haystack = squash(text);
  let from = 0;
  for (const line of lines) {
    const at = haystack.indexOf(squash(line), from);
    if (at < 0) {
      throw new Error(
        `Line not found after position ${from}: ${line}\n--- rendered text from there:\n${haystack.slice(from, from + 200)}`,
      );
    }
    from = at + squash(line).length;
  }
}

/**
 * The paragraphs Word would show: the first page's header (the letter's 版头: class marker and
 * issuer), then the body by mammoth's raw-text extraction (which reads no headers).
 */
export async function docxParagraphs(docx: Buffer): Promise<string[]> {
  const header = [...docxFirstHeader(docx).matchAll(/<w:p>(.*?)<\/w:p>/g)].map(([, inner]) =>
    [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(''),
  );
  const { value } = await mammoth.extractRawText({ buffer: docx });
  return [...header, ...value.split('\n')].filter((line) => line.trim() !== '');
}

const XML_UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
export const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_UNESCAPES[e]);

/** The XML of the header the first page uses (`w:headerReference w:type="first"`); empty without one. */
export function docxFirstHeader(docx: Buffer): string {
  const xml = docxPart(docx, 'word/document.xml');
  const id = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(xml)?.[1];
  if (!id) return '';
  const rels = docxPart(docx, 'word/_rels/document.xml.rels');
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  return target ? docxPart(docx, `word/${target}`) : '';
}

export function docxPart(docx: Buffer, name: string): string {
  const files = unzipSync(new Uint8Array(docx), { filter: (file) => file.name === name });
  if (!files[name]) throw new Error(`${name} is not in the DOCX`);
  return strFromU8(files[name]);
}

/** Every part of the DOCX whose name matches, by name (e.g. the footers, /^word\/footer\d+\.xml$/). */
export function docxParts(docx: Buffer, name: RegExp): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx), { filter: (file) => name.test(file.name) });
  return Object.fromEntries(Object.entries(files).map(([file, data]) => [file, strFromU8(data)]));
}

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  /** [x0, y0, x1, y1] in points */
  view: number[];
  items: PdfTextItem[];
}

const READ_PDF_SCRIPT = join(__dirname, 'read-pdf.mjs');

/**
 * The pages of each PDF as pdfjs reads them. pdfjs-dist is ES modules only and loads its
 * worker with a dynamic import, which Jest's CommonJS runtime refuses, so it runs in a child
 * Node process (once for all the files).
 */
export async function readPdfs(pdfs: Buffer[]): Promise<PdfPage[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'banli-letters-'));
  try {
    const files = await Promise.all(
      pdfs.map(async (pdf, i) => {
        const file = join(dir, `${i}.pdf`);
        await writeFile(file, pdf);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [READ_PDF_SCRIPT, ...files], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return (JSON.parse(stdout) as { pages: PdfPage[] }[]).map((result) => result.pages);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A visual line: the text items of one page that share a baseline, left to right. */
export interface PdfLine {
  page: number;
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
}

export function pdfLines(pages: PdfPage[]): PdfLine[] {
  return pages.flatMap((page, pageIndex) => {
    const byBaseline = new Map<string, PdfTextItem[]>();
    for (const item of page.items.filter((i) => i.str.trim() !== '')) {
      const key = item.y.toFixed(1);
      byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
    }
    return [...byBaseline.values()]
      .map((items) => items.sort((a, b) => a.x - b.x))
      .map((items) => ({
        page: pageIndex + 1,
        y: items[0].y,
        x: items[0].x,
        right: Math.max(...items.map((i) => i.x + i.width)),
        size: Math.max(...items.map((i) => i.height)),
        text: items.map((i) => i.str).join(''),
      }))
      .sort((a, b) => b.y - a.y);
  });
}

/** The CJK font the PDF tests embed; a missing one fails them, with the remedy. */
export function requireCjkFont(): string {
  const font = findCjkFont();
  if (!font) {
    throw new Error(
      'No CJK font for the PDF tests: run scripts/ensure-fonts.sh (it installs the Debian package ' +
        'fonts-wqy-microhei), or set BANLI_CJK_FONT to a CJK TrueType/OpenType font file.',
    );
  }
  return font;
}

/** The letter's fonts, one per face (scripts/ensure-fonts.sh provides them); none fails, with the remedy. */
export function requireLetterFonts(): LetterFontFiles {
  const fonts = findLetterFonts();
  if (!fonts) {
    throw new Error(
      'No fonts for the letter PDF tests: run scripts/ensure-fonts.sh (it installs the Debian package ' +
        'fonts-noto-cjk), or set BANLI_FONT_TITLE, BANLI_FONT_BODY and BANLI_FONT_HEADING (or BANLI_CJK_FONT).',
    );
  }
  return fonts;
}
