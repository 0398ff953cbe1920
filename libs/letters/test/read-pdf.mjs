// Reads PDFs back for the letters tests: prints, as JSON on stdout, each file's pages with
// their size and text items (string, position, width). It runs as its own Node process
// because pdfjs-dist is ES modules only and loads its worker with a dynamic import, which
// Jest's CommonJS runtime cannot do.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function readPdf(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push({
      view: page.view,
      items: content.items
        .filter((item) => 'str' in item)
        .map((item) => ({
          str: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          height: item.height,
        })),
    });
  }
  await doc.destroy();
  return { pages };
}

const results = [];
for (const file of process.argv.slice(2)) results.push(await readPdf(file));
process.stdout.write(JSON.stringify(results));
