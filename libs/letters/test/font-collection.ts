/**
 * A minimal font collection (.ttc) whose faces have only a `name` table with their PostScript
 * names: enough to test reading the faces without a real font.
 */
export function fakeFontCollection(faces: string[], platform: 1 | 3 = 3): Uint8Array {
  const encode = (name: string) =>
    platform === 3 ? Buffer.from(name, 'utf16le').swap16() : Buffer.from(name, 'latin1');
  const header = 12 + 4 * faces.length;
  const fontSizes = faces.map((face) => 12 + 16 + 6 + 12 + encode(face).length);
  const bytes = new Uint8Array(header + fontSizes.reduce((a, b) => a + b, 0));
  const view = new DataView(bytes.buffer);
  bytes.set(Buffer.from('ttcf', 'latin1'), 0);
  view.setUint32(4, 0x00010000);
  view.setUint32(8, faces.length);
  let offset = header;
  faces.forEach((face, i) => {
    const name = encode(face);
    view.setUint32(12 + 4 * i, offset);
    view.setUint32(offset, 0x00010000);
    view.setUint16(offset + 4, 1);
    const record = offset + 12;
    bytes.set(Buffer.from('name', 'latin1'), record);
    const table = record + 16;
    view.setUint32(record + 8, table);
    view.setUint32(record + 12, 6 + 12 + name.length);
    view.setUint16(table + 2, 1);
    view.setUint16(table + 4, 6 + 12);
    view.setUint16(table + 6, platform);
    view.setUint16(table + 6 + 6, 6);
    view.setUint16(table + 6 + 8, name.length);
    bytes.set(name, table + 18);
    offset += fontSizes[i];
  });
  return bytes;
}
