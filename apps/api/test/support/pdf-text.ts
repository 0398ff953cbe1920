import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// pdfjs-dist is ES modules only and loads its worker with a dynamic import, which Jest's
// CommonJS runtime refuses: it reads the file in a child Node process (as the letters tests do).
const READ_TEXT = `
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const doc = await getDocument({ data: new Uint8Array(await readFile(process.argv[1])), isEvalSupported: false, verbosity: 0 }).promise;
const out = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  out.push(content.items.filter((i) => 'str' in i).map((i) => i.str).join(''));
}
await doc.destroy();
process.stdout.write(out.join(''));
`;

/** A PDF's text as a reader sees it, without whitespace (a rendering may wrap and space lines). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'banli-pdf-'));
  try {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', READ_TEXT, file], {
      maxBuffer: 16 * 1024 * 1024,
      cwd: process.cwd(),
    });
    return stdout.replace(/\s+/g, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Fails naming the first line of `lines` that `text` lacks after the previous one. */
export function expectInOrder(text: string, lines: string[]): void {
  let from = 0;
  for (const line of lines) {
    const wanted = line.replace(/\s+/g, '');
    const at = text.indexOf(wanted, from);
    if (at < 0)
      throw new Error(
        `Not found after position ${from}: ${line}\n--- text from there:\n${text.slice(from, from + 300)}`,
      );
    from = at + wanted.length;
  }
}
