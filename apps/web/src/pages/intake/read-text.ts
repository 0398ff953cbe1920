/**
 * A file's text: UTF-8 (with or without BOM), else GB18030, which is what Excel on a Chinese
 * Windows writes when it saves "CSV" (not "CSV UTF-8").
 */
export async function readText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
