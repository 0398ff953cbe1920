// Renders PDF pages to PNG for the letters' layout tests: for each PDF file given, writes
// <file>-<page>.png beside it (page from 1) and prints, as JSON on stdout, the PNG files of
// each PDF. Its own Node process for the same reason as read-pdf.mjs (pdfjs-dist is ES
// modules only). Rendering uses the fonts embedded in the PDF, never system fonts, so the
// pictures depend only on the PDF.
import { readFile, writeFile } from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const SCALE = 1;

async function renderPdf(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pngs = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    const png = `${file.replace(/\.pdf$/, '')}-${n}.png`;
    await writeFile(png, canvas.toBuffer('image/png'));
    pngs.push(png);
  }
  await doc.destroy();
  return pngs;
}

const results = [];
for (const file of process.argv.slice(2)) results.push(await renderPdf(file));
process.stdout.write(JSON.stringify(results));
