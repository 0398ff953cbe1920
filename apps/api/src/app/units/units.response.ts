import { ApiProperty } from '@nestjs/swagger';

export class UnitResponse {
  @ApiProperty({ example: 'industry-it' }) id!: string;
  @ApiProperty({ example: 'X市工业和信息化局' }) name!: string;
  @ApiProperty({ example: 'bureau', description: 'proposal-committee, assigning-office or bureau' }) kind!: string;
}
