import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { ROLES, UNIT_KINDS } from '@banli/domain';
import { PageQueryDto } from '../common/page-query.dto';

/** The fields of a unit; what they may hold is checked by the service (422 with a detail per field). */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'X市人力资源和社会保障局', description: 'The full name, as screens show it' })
  @IsOptional()
  @IsString()
  name?: string;
  @ApiPropertyOptional({ example: '市人社局', description: "What other units' letters call it" })
  @IsOptional()
  @IsString()
  shortName?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsString() kind?: string;
  @ApiPropertyOptional({ example: 'X人社函', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  issuerCode?: string | null;
  @ApiPropertyOptional({ type: 'integer', description: 'Lists show units by this, then kind, then id' })
  @IsOptional()
  @IsInt()
  sortOrder?: number;
  @ApiPropertyOptional({ description: 'false: never offered for new work (refused while the unit has open tasks)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class CreateUnitDto extends UpdateUnitDto {
  @ApiProperty({ example: 'human-resources', description: 'Lower-case letters, digits and -; never changes' })
  @IsString()
  id!: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ example: '张伟' }) @IsOptional() @IsString() displayName?: string;
  @ApiPropertyOptional({ example: 'industry-it', description: 'An enabled unit' })
  @IsOptional()
  @IsString()
  unitId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  roles?: string[];
  @ApiPropertyOptional({ description: 'false: the person can no longer sign in' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class CreatePersonDto extends UpdatePersonDto {
  @ApiProperty({ example: 'zhang.wei', description: "The sign-in name, also the person's id; never changes" })
  @IsString()
  username!: string;
  @ApiProperty({ description: 'The initial password, at least 8 characters' }) @IsString() password!: string;
}

export class CommitteeNamesDto {
  @ApiProperty({ example: 'X市政协提案委员会', description: "Empty: the committee office unit's short name" })
  @IsString()
  proposal!: string;
  @ApiProperty({ example: 'X市人大常委会代表工作委员会', description: "Empty: the committee office unit's short name" })
  @IsString()
  suggestion!: string;
}

export class CitySettingsDto {
  @ApiProperty({ example: 'X市人民政府' }) @IsString() governmentName!: string;
  @ApiProperty({ type: CommitteeNamesDto })
  @ValidateNested()
  @Type(() => CommitteeNamesDto)
  committeeNames!: CommitteeNamesDto;
  @ApiProperty({
    type: [String],
    example: ['市政府办公室', '市政协提案委员会'],
    description: "A reply letter's default copy list (抄送); empty: the government office, the committee, 各会办单位",
  })
  @IsArray()
  @IsString({ each: true })
  copyTo!: string[];
}

export class AdminEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'unit-updated' }) @IsOptional() @IsString() type?: string;
}
