import { ApiProperty } from '@nestjs/swagger';
import { SUPERVISION_DOCUMENT_KINDS, type SupervisionDocumentKind } from '@banli/domain';
import type { SupervisionDocumentView } from './supervision-documents.service';

/** A supervision document as recorded: what, its number, to whom, by whom and when, the hash of its text. */
export class SupervisionDocumentResponse implements SupervisionDocumentView {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: SUPERVISION_DOCUMENT_KINDS,
    enumName: 'SupervisionDocumentKind',
    description: '催办单 (reminder), 督办通知单 (supervision-notice) or 督办通报 (circular)',
  })
  kind!: SupervisionDocumentKind;
  @ApiProperty({ example: '催办〔2026〕12号' }) documentNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) proposalId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The unit a proposal notice is addressed to' })
  unitId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'The units it was delivered to (and who may download it, with supervisors)',
  })
  addresseeUnitIds!: string[];
  @ApiProperty({ type: String, nullable: true }) periodFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) periodTo!: string | null;
  @ApiProperty({ description: 'SHA-256 of the document’s text (the same for PDF and DOCX)' }) contentHash!: string;
  @ApiProperty() issuedBy!: string;
  @ApiProperty() issuerUnitId!: string;
  @ApiProperty({ description: 'ISO instant' }) issuedAt!: string;
}
