import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CitySettings, PersonName, UnitView } from '@banli/persistence';
import { ApiSignedIn } from '../common/api-responses';
import { CitySettingsResponse, PersonNameResponse } from '../admin/organisation.response';
import { UnitResponse } from './units.response';
import { UnitsService } from './units.service';

/** The organisation units: names for the ids in every other answer (for any signed-in user). */
@ApiTags('units')
@ApiSignedIn()
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('units')
  @ApiOkResponse({
    type: [UnitResponse],
    description: 'Every unit, disabled ones too (their names are on history): id, names, kind, enabled',
  })
  list(): Promise<UnitView[]> {
    return this.units.list();
  }

  @Get('people')
  @ApiOkResponse({ type: [PersonNameResponse], description: 'Display names for the user ids in every other answer' })
  people(): Promise<PersonName[]> {
    return this.units.people();
  }

  @Get('people/key-leaders')
  @ApiOkResponse({
    type: [PersonNameResponse],
    description:
      'The users who may lead key proposals (领办领导): enabled, with the supervisor role. Chosen in markKey ' +
      "(leaderUserIds), they receive their key proposals' daily digest",
  })
  keyLeaders(): Promise<PersonName[]> {
    return this.units.keyLeaders();
  }

  @Get('city')
  @ApiOkResponse({ type: CitySettingsResponse, description: "The city's names, as screens show them" })
  city(): Promise<CitySettings> {
    return this.units.city();
  }
}
