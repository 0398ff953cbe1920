import type { LetterBlock } from './reply-letter';

/**
 * An official document written out as blocks, each with the role that sets its look
 * (letter-layout.ts): what renderDocumentPdf and renderDocumentDocx lay out. The reply letter
 * is one (letterBlocks); the supervision documents are others (supervision-documents.ts).
 */
export interface OfficialDocument {
  title: string;
  issuer: string;
  blocks: LetterBlock[];
}
