import { ApiProperty } from '@nestjs/swagger';
import type { PoolView } from '@banli/persistence';

export class PoolResponse implements PoolView {
  @ApiProperty({ example: 'X工信函' }) issuerCode!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ type: 'integer', description: 'The number the next sign-off gets' }) nextNumber!: number;
  @ApiProperty({ type: 'integer', description: 'Numbers this pool has allocated so far' }) allocated!: number;
}

export class IssuerCodeResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ example: 'X工信函' }) issuerCode!: string;
}
