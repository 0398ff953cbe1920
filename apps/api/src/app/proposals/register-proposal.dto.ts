import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ProposalKind, RegistrationRequest } from '@banli/domain';

/**
 * The HTTP shape of a registration: types and sizes only. Business rules (one lead proposer,
 * numbering of points, …) are the domain's, checked by `assertValidRegistration`.
 */
export class ProposerDto {
  @ApiProperty({ example: '李明' })
  @IsString()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: 'The lead proposer of a joint proposal' })
  @IsBoolean()
  lead!: boolean;

  @ApiPropertyOptional({ example: 'liming@example.org', description: 'Where the signed reply is e-mailed at dispatch' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class SuggestionPointDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  seq!: number;

  @ApiProperty({ example: '加快建设5G基站' })
  @IsString()
  @MaxLength(5000)
  text!: string;
}

export class RegisterProposalDto implements RegistrationRequest {
  @ApiProperty({ enum: ['proposal', 'suggestion'] })
  @IsIn(['proposal', 'suggestion'])
  kind!: ProposalKind;

  @ApiProperty({
    example: '8-2',
    description: 'The code of an open session (GET /api/sessions); an unknown or closed one is refused (422)',
  })
  @IsString()
  @MaxLength(32)
  sessionCode!: string;

  @ApiProperty({
    required: false,
    example: '市政协八届二次会议',
    description:
      "Taken from the session. Optional, for older clients and files: when sent, it must be the session's name (else 422)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sessionName?: string;

  @ApiProperty({ example: '20230117' })
  @IsString()
  @MaxLength(32)
  number!: string;

  @ApiProperty({ example: '关于加快数字经济发展的提案' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ type: [ProposerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProposerDto)
  proposers!: ProposerDto[];

  @ApiProperty()
  @IsString()
  @MaxLength(50_000)
  body!: string;

  @ApiProperty({ required: false, description: 'Handled under the shorter urgent deadlines' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiProperty({ type: [SuggestionPointDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SuggestionPointDto)
  suggestionPoints!: SuggestionPointDto[];
}
