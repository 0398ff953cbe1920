import { PageQueryDto } from '../common/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PROPOSAL_STAGES, ProposalStage, SESSION_CODE_PATTERN } from '@banli/domain';

export class ProposalSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Words or phrases, Chinese or not; a proposal matches when it contains all of them. A document number ' +
      "(〔2026〕12号 for any issuer, or its full form such as 市农发〔2026〕12号) finds the proposal of that signed reply",
    example: '数字经济',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '8-2' })
  @IsOptional()
  @Matches(SESSION_CODE_PATTERN, { message: 'sessionCode must be 1-32 letters, digits or dashes' })
  sessionCode?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_STAGES })
  @IsOptional()
  @IsIn(PROPOSAL_STAGES)
  stage?: ProposalStage;
}
