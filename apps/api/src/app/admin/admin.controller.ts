import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { PoolView } from '@banli/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DocumentNumberPoolsService, ISSUER_CODE } from './document-number-pools.service';

export class PoolDto {
  @ApiProperty({ example: 41 }) @IsInt() @Min(1) @Max(1_000_000) nextNumber!: number;
}

export class IssuerCodeDto {
  @ApiProperty({ example: 'X工信函' }) @Matches(ISSUER_CODE) issuerCode!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly pools: DocumentNumberPoolsService) {}

  @Get('document-number-pools')
  @ApiOkResponse({ description: 'Every pool with its next number and how many numbers it allocated' })
  list(): Promise<PoolView[]> {
    return this.pools.list();
  }

  /** Sets where a pool starts; refused once the pool has allocated a number (409). */
  @Put('document-number-pools/:issuerCode/:year')
  configure(
    @CurrentUser() user: AuthenticatedUser,
    @Param('issuerCode') issuerCode: string,
    @Param('year', PATH_INT) year: number,
    @Body() dto: PoolDto,
  ): Promise<PoolView> {
    return this.pools.configure(user, issuerCode, year, dto.nextNumber);
  }

  @Put('units/:unitId/issuer-code')
  setIssuerCode(@CurrentUser() user: AuthenticatedUser, @Param('unitId') unitId: string, @Body() dto: IssuerCodeDto) {
    return this.pools.setIssuerCode(user, unitId, dto.issuerCode);
  }
}
