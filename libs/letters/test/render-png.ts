import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const RENDER_PNG_SCRIPT = join(__dirname, 'render-png.mjs');

/**
 * Each PDF's pages as PNG images (72 dpi, white background), drawn by pdfjs from the fonts
 * embedded in the PDF. Like readPdfs, pdfjs runs in a child Node process.
 */
export async function renderPdfPages(pdfs: Buffer[]): Promise<Buffer[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'banli-letters-png-'));
  try {
    const files = await Promise.all(
      pdfs.map(async (pdf, i) => {
        const file = join(dir, `${i}.pdf`);
        await writeFile(file, pdf);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [RENDER_PNG_SCRIPT, ...files], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const pngs = JSON.parse(stdout) as string[][];
    return await Promise.all(pngs.map((pages) => Promise.all(pages.map((png) => readFile(png)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
