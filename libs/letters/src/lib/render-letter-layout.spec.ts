import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { READ_BACK_CASES, STANDALONE_ADOPTION_CASE } from '../../test/letter-fixtures';
import { requireLetterFonts } from '../../test/read-back';
import { renderPdfPages } from '../../test/render-png';
import type { LetterFontFiles } from './cjk-font';
import { buildReplyLetter } from './reply-letter';
import { renderLetterPdf } from './render-letter-pdf';

/**
 * Layout tests that look: letters of 1, 3 and 12 sections are rendered to PNG (72 dpi) and
 * compared, page by page, with the approved images in libs/letters/test/approved. After a
 * deliberate change of the layout, re-approve with `npm run letters:approve` and commit the
 * images. On a mismatch the actual and a diff image go to test-artifacts/letters-layout/.
 * The images depend on the fonts: the approved ones record theirs (file name and SHA-256), and
 * other fonts fail with that said, not with a pixel count.
 */
const WORKSPACE_ROOT = join(__dirname, '../../../..');
const APPROVED_DIR = join(__dirname, '../../test/approved');
const MANIFEST = join(APPROVED_DIR, 'manifest.json');
const ARTIFACTS_DIR = join(WORKSPACE_ROOT, 'test-artifacts/letters-layout');
const APPROVE = process.env['LETTERS_APPROVE'] === '1';
/**
 * pixelmatch's per-pixel colour threshold, and the share of a page's pixels that may differ
 * (250 of a page's 502,000). Glyph edges differ a little between Node.js versions (131 pixels on
 * one page between Node 20 and 24, the layout identical); a line that moves differs by thousands.
 */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.0005;

const CASES = [
  { slug: 'one-section', input: READ_BACK_CASES[0].input },
  { slug: 'three-sections', input: READ_BACK_CASES[1].input },
  { slug: 'twelve-sections', input: READ_BACK_CASES[2].input },
  { slug: 'standalone-adoption', input: STANDALONE_ADOPTION_CASE.input },
];

type FontPrints = Record<keyof LetterFontFiles, { file: string; sha256: string }>;

interface Manifest {
  fonts: FontPrints;
  pages: Record<string, number>;
}

async function fontPrints(fonts: LetterFontFiles): Promise<FontPrints> {
  const print = async (path: string) => ({
    file: basename(path),
    sha256: createHash('sha256')
      .update(await readFile(path))
      .digest('hex'),
  });
  return { title: await print(fonts.title), body: await print(fonts.body), heading: await print(fonts.heading) };
}

const pngName = (slug: string, page: number) => `${slug}-${page}.png`;

describe('the letter layout, compared with the approved images', () => {
  let manifest: Manifest;
  let prints: FontPrints;
  const rendered = new Map<string, Buffer[]>();

  beforeAll(async () => {
    const fonts = requireLetterFonts();
    prints = await fontPrints(fonts);
    const pdfs = await Promise.all(CASES.map(({ input }) => renderLetterPdf(buildReplyLetter(input), fonts)));
    const pages = await renderPdfPages(pdfs);
    CASES.forEach(({ slug }, i) => rendered.set(slug, pages[i]));
    if (APPROVE) {
      await mkdir(APPROVED_DIR, { recursive: true });
      for (const file of await readdir(APPROVED_DIR)) if (file.endsWith('.png')) await rm(join(APPROVED_DIR, file));
      for (const [slug, pngs] of rendered) {
        for (const [i, png] of pngs.entries()) await writeFile(join(APPROVED_DIR, pngName(slug, i + 1)), png);
      }
      const approved: Manifest = {
        fonts: prints,
        pages: Object.fromEntries([...rendered].map(([s, p]) => [s, p.length])),
      };
      await writeFile(MANIFEST, `${JSON.stringify(approved, null, 2)}\n`);
    }
    if (!existsSync(MANIFEST))
      throw new Error(`${MANIFEST} is missing: approve the images with npm run letters:approve`);
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
    await rm(ARTIFACTS_DIR, { recursive: true, force: true });
  }, 60_000);

  const requireApprovedFonts = () => {
    const differing = (Object.keys(prints) as (keyof FontPrints)[]).filter(
      (face) => prints[face].sha256 !== manifest.fonts[face]?.sha256,
    );
    if (differing.length > 0) {
      const describe = (p: FontPrints) =>
        differing.map((face) => `${face}: ${p[face]?.file} (sha256 ${p[face]?.sha256.slice(0, 12)})`).join(', ');
      throw new Error(
        `The approved letter images were rendered with other fonts than these, so they cannot be compared.\n` +
          `  approved with: ${describe(manifest.fonts)}\n  rendering with: ${describe(prints)}\n` +
          `Install the approved fonts (scripts/ensure-fonts.sh, and unset BANLI_FONT_*), or, if the change of ` +
          `fonts is deliberate, re-approve the images: npm run letters:approve`,
      );
    }
  };

  it('renders with the fonts the approved images were made with', () => {
    requireApprovedFonts();
  });

  describe.each(CASES)('$slug', ({ slug }) => {
    it('has as many pages as the approved images', () => {
      requireApprovedFonts();
      expect(rendered.get(slug)?.length).toBe(manifest.pages[slug]);
    });

    it('looks like the approved images, page by page', async () => {
      requireApprovedFonts();
      const failures: string[] = [];
      for (const [i, png] of (rendered.get(slug) ?? []).entries()) {
        const name = pngName(slug, i + 1);
        const approvedFile = join(APPROVED_DIR, name);
        if (!existsSync(approvedFile)) {
          failures.push(`${name}: no approved image`);
          continue;
        }
        const actual = PNG.sync.read(png);
        const approved = PNG.sync.read(await readFile(approvedFile));
        const diff = new PNG({ width: actual.width, height: actual.height });
        const sameSize = actual.width === approved.width && actual.height === approved.height;
        const differing = sameSize
          ? pixelmatch(actual.data, approved.data, diff.data, actual.width, actual.height, {
              threshold: PIXEL_THRESHOLD,
            })
          : actual.width * actual.height;
        if (differing > MAX_DIFF_SHARE * actual.width * actual.height) {
          await mkdir(ARTIFACTS_DIR, { recursive: true });
          const actualFile = join(ARTIFACTS_DIR, name.replace(/\.png$/, '.actual.png'));
          await writeFile(actualFile, png);
          const written = [relative(WORKSPACE_ROOT, actualFile)];
          if (sameSize) {
            const diffFile = join(ARTIFACTS_DIR, name.replace(/\.png$/, '.diff.png'));
            await writeFile(diffFile, PNG.sync.write(diff));
            written.push(relative(WORKSPACE_ROOT, diffFile));
          }
          failures.push(`${name}: ${differing} pixels differ (see ${written.join(', ')})`);
        }
      }
      if (failures.length > 0) {
        throw new Error(
          `The letter does not look as approved:\n  ${failures.join('\n  ')}\n` +
            `If the change is deliberate, re-approve the images: npm run letters:approve`,
        );
      }
    }, 60_000);
  });
});
