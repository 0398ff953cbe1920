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
