import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../common/api-responses';
import { UnitResponse } from './units.response';

import type { UnitView } from '@banli/persistence';
import { UnitsService } from './units.service';

/** The organisation units: names for the ids in every other answer (for any signed-in user). */
@ApiTags('units')
@ApiSignedIn()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOkResponse({ type: [UnitResponse], description: 'Every unit: id, name and kind' })
  list(): Promise<UnitView[]> {
    return this.units.list();
  }
}
