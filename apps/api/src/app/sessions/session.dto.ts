import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

/** A session as an admin enters it: types and sizes here, the rules in the domain (committeeSessionProblems). */
export class CommitteeSessionFieldsDto {
  @ApiProperty({ example: '市政协八届三次会议', description: 'As written in letters and screens' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: 'integer', example: 2027 })
  @IsInt()
  year!: number;

  @ApiProperty({ type: 'integer', required: false, nullable: true, example: 8, description: 'The term (届)' })
  @IsOptional()
  @IsInt()
  term?: number | null;

  @ApiProperty({ type: 'integer', required: false, nullable: true, example: 3, description: 'The meeting (次)' })
  @IsOptional()
  @IsInt()
  meeting?: number | null;

  @ApiProperty({ type: 'string', required: false, nullable: true, format: 'date', example: '2027-01-19' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  startsOn?: string | null;

  @ApiProperty({ type: 'string', required: false, nullable: true, format: 'date', example: '2027-01-23' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endsOn?: string | null;
}

export class CreateCommitteeSessionDto extends CommitteeSessionFieldsDto {
  @ApiProperty({ example: '8-3', description: 'Letters, digits and dashes; part of its proposals’ ids, never changes' })
  @IsString()
  @MaxLength(32)
  code!: string;
}
