import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { PATH_INT } from '../common/path-int.pipe';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { IssuerCodeResponse, PoolResponse } from './admin.response';
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
@ApiSignedIn()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly pools: DocumentNumberPoolsService) {}

  @Get('document-number-pools')
  @ApiOkResponse({
    type: [PoolResponse],
    description: 'Every pool with its next number and how many numbers it allocated',
  })
  list(): Promise<PoolView[]> {
    return this.pools.list();
  }

  /** Sets where a pool starts; refused once the pool has allocated a number (409). */
  @Put('document-number-pools/:issuerCode/:year')
  @ApiOkResponse({ type: PoolResponse, description: 'The pool as configured now' })
  @ApiError(409, 'The pool has allocated numbers already (ALREADY_DONE)')
  @ApiError(422, 'Not an issuer code and a year 2000-2200 (VALIDATION_FAILED)')
  configure(
    @CurrentUser() user: AuthenticatedUser,
    @Param('issuerCode') issuerCode: string,
    @Param('year', PATH_INT) year: number,
    @Body() dto: PoolDto,
  ): Promise<PoolView> {
    return this.pools.configure(user, issuerCode, year, dto.nextNumber);
  }

  @Put('units/:unitId/issuer-code')
  @ApiOkResponse({ type: IssuerCodeResponse, description: 'The unit with its issuer code' })
  @ApiError(422, 'No such unit (VALIDATION_FAILED)')
  setIssuerCode(@CurrentUser() user: AuthenticatedUser, @Param('unitId') unitId: string, @Body() dto: IssuerCodeDto) {
    return this.pools.setIssuerCode(user, unitId, dto.issuerCode);
  }
}
