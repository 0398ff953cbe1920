import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { WholeNumber } from '../common/whole-number';

export const SIMILAR_REPLIES_MAX = 20;

export class SimilarRepliesQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 5, minimum: 1, maximum: SIMILAR_REPLIES_MAX })
  @IsOptional()
  @WholeNumber()
  @IsInt()
  @Min(1)
  @Max(SIMILAR_REPLIES_MAX)
  limit = 5;
}
