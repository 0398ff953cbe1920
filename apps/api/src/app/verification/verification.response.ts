import { ApiProperty } from '@nestjs/swagger';

export class ChainHeadResponse {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ description: 'Hex SHA-256' }) hash!: string;
}

export class RecordedChainHeadResponse extends ChainHeadResponse {
  @ApiProperty({ description: 'The workflow run whose history recorded it' }) runId!: string;
}

export class AuditChainCheckResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) events!: number;
  @ApiProperty({ type: ChainHeadResponse, nullable: true, description: 'The last event that chains correctly' })
  head!: ChainHeadResponse | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The first event where the chain breaks' })
  brokenAt!: number | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class ChainAnchorResponse {
  @ApiProperty({
    type: RecordedChainHeadResponse,
    nullable: true,
    description: "The chain head the workflow's history recorded (the last completed projection's result)",
  })
  recorded!: RecordedChainHeadResponse | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The stored event at that sequence number has that hash' })
  matches!: boolean | null;
  @ApiProperty({ type: 'integer', description: 'Events stored after the recorded head' })
  eventsAfter!: number;
}

export class LetterFileCheckResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ enum: ['html', 'docx', 'pdf'] }) format!: string;
  @ApiProperty() documentNumber!: string;
  @ApiProperty({ description: 'The stored SHA-256 (hex): a downloaded copy must hash to it' }) sha256!: string;
  @ApiProperty({ description: 'The stored bytes hash to the stored SHA-256' }) contentMatches!: boolean;
  @ApiProperty({
    description: "The workflow's history holds this file's hash (false for letters signed before it did)",
  })
  recordedInHistory!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: "The history's hash is the stored one" })
  historyMatches!: boolean | null;
}

export class ProposalRecordVerificationResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ description: 'True when nothing below is wrong' }) valid!: boolean;
  @ApiProperty({ type: [String], description: 'Each thing found wrong, in words' }) problems!: string[];
  @ApiProperty({ type: AuditChainCheckResponse }) chain!: AuditChainCheckResponse;
  @ApiProperty({ type: ChainAnchorResponse }) anchor!: ChainAnchorResponse;
  @ApiProperty({ type: [LetterFileCheckResponse] }) letters!: LetterFileCheckResponse[];
}
