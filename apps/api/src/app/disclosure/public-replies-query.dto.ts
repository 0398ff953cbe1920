import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';

export class PublicRepliesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Session code, e.g. 8-2' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  session?: string;
}
