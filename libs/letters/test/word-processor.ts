import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');

/** Debian's LibreOffice, provided by scripts/ensure-libreoffice.sh (which installs it when missing). */
export function sofficePath(): string {
  if (process.env['SOFFICE_PATH']) return process.env['SOFFICE_PATH'];
  const line = execFileSync('bash', [join(ROOT, 'scripts/ensure-libreoffice.sh')], { encoding: 'utf8' }).trim();
  return line.replace(/^SOFFICE_PATH=/, '');
}

/**
 * Each DOCX laid out by LibreOffice Writer and exported as PDF (one headless run for all, with a
 * profile of its own, so it neither meets a running LibreOffice nor leaves settings behind).
 */
export async function docxToPdf(docxs: Buffer[]): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'banli-letters-docx-'));
  try {
    const files = await Promise.all(
      docxs.map(async (docx, i) => {
        const file = join(dir, `${i}.docx`);
        await writeFile(file, docx);
        return file;
      }),
    );
    await promisify(execFile)(
      sofficePath(),
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { timeout: 180_000 },
    );
    return await Promise.all(docxs.map((_, i) => readFile(join(dir, `${i}.pdf`))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A red line or thin bar drawn on a page, in points from the page's top-left corner. */
export interface RedRule {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const READ_RULES_SCRIPT = join(__dirname, 'read-pdf-rules.mjs');

/**
 * The red lines each page of each PDF draws (pdfjs in a child Node process, as readPdfs). The
 * coordinates are the paths' own, without the page's transformation matrix: right for
 * LibreOffice's PDFs, which draw in page space.
 */
export async function readRedRules(pdfs: Buffer[]): Promise<RedRule[][][]> {
  const dir = await mkdtemp(join(tmpdir(), 'banli-letters-rules-'));
  try {
    const files = await Promise.all(
      pdfs.map(async (pdf, i) => {
        const file = join(dir, `${i}.pdf`);
        await writeFile(file, pdf);
        return file;
      }),
    );
    const { stdout } = await promisify(execFile)(process.execPath, [READ_RULES_SCRIPT, ...files], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as RedRule[][][];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
