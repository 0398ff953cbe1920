// Reads PDFs back for the letters tests: prints, as JSON on stdout, each file's pages with the
// horizontal lines and thin rectangles drawn in a colour that is mostly red (the 版头's rules),
// as { top, bottom, left, right } in points from the page's top-left. Like read-pdf.mjs, it
// runs as its own Node process (pdfjs-dist is ES modules only).
import { readFile } from 'node:fs/promises';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const isRed = (hex) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16));
  return r > 180 && g < 80 && b < 80;
};

async function readRules(file) {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3];
    const { fnArray, argsArray } = await page.getOperatorList();
    let fill = null;
    let stroke = null;
    let lineWidth = 1;
    const stack = [];
    const rules = [];
    fnArray.forEach((fn, i) => {
      const args = argsArray[i];
      if (fn === OPS.save) stack.push({ fill, stroke, lineWidth });
      else if (fn === OPS.restore) ({ fill, stroke, lineWidth } = stack.pop() ?? { fill, stroke, lineWidth });
      else if (fn === OPS.setFillRGBColor) fill = args[0];
      else if (fn === OPS.setStrokeRGBColor) stroke = args[0];
      else if (fn === OPS.setLineWidth) lineWidth = args[0];
      else if (fn === OPS.constructPath) {
        // pdfjs 4/5: [op, [pathData], minMax]; the bounding box is what we need.
        const minMax = args[2];
        const paintOp = args[0];
        const stroked = [OPS.stroke, OPS.closeStroke].includes(paintOp);
        const filled = [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke].includes(paintOp);
        if (!minMax || !((stroked && isRed(stroke)) || (filled && isRed(fill)))) return;
        const [x0, y0, x1, y1] = Array.from(minMax);
        const half = stroked ? lineWidth / 2 : 0;
        rules.push({ left: x0, right: x1, top: height - y1 - half, bottom: height - y0 + half });
      }
    });
    pages.push(rules);
  }
  await doc.destroy();
  return pages;
}

const results = [];
for (const file of process.argv.slice(2)) results.push(await readRules(file));
process.stdout.write(JSON.stringify(results));
