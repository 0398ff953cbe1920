import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ActionResult } from '@banli/contracts';
import { PROPOSAL_STAGES, ProposalStage } from '@banli/domain';

/** The workflow's verdict on an accepted action. */
export class ActionResultResponse implements ActionResult {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_STAGES, enumName: 'ProposalStage', description: 'The stage after the action' })
  stage!: ProposalStage;
  @ApiProperty({ type: 'integer', description: "The proposal's version after the action" }) version!: number;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'The objection, extension request or draft version the action created, where it creates one',
  })
  id?: number;
  @ApiPropertyOptional({
    description: 'The document number allocated at sign-off, or the number of the 催办单 a 催办 issued',
    example: 'X工信函〔2026〕41号',
  })
  documentNumber?: string;
  @ApiPropertyOptional({ description: 'The 催办单 a 催办 issued (GET /supervision-documents/{id}/pdf)' })
  documentId?: string;
}
