import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KINDS } from '@banli/domain';

export class UnitResponse {
  @ApiProperty({ example: 'industry-it' }) id!: string;
  @ApiProperty({ example: 'X市工业和信息化局' }) name!: string;
  @ApiProperty({ example: 'X市工信局', description: 'What letters call the unit' }) shortName!: string;
  @ApiProperty({ enum: UNIT_KINDS, example: 'bureau' }) kind!: string;
  @ApiProperty({ description: 'A disabled unit keeps its name on its history but is never offered for new work' })
  enabled!: boolean;
}
