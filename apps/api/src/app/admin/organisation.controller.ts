import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AdminEventView, AdminUnitView, CitySettings, PersonView } from '@banli/persistence';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AdminEventQueryDto,
  CitySettingsDto,
  CreatePersonDto,
  CreateUnitDto,
  UpdatePersonDto,
  UpdateUnitDto,
} from './organisation.dtos';
import {
  AdminEventPageResponse,
  AdminUnitResponse,
  CitySettingsResponse,
  OrganisationImportReportResponse,
  PersonResponse,
} from './organisation.response';
import { MAX_ORGANISATION_ROWS, organisationRowsOf } from './organisation-import-rows';
import { OrganisationImportReport, OrganisationService } from './organisation.service';

/**
 * Organisation administration (admin role only): units, people, a whole organisation at once,
 * the city's settings, and the admin audit trail every change here is written to.
 */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@ApiError(403, 'Not an admin (ROLE_REQUIRED)')
@Controller('admin')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get('units')
  @ApiOkResponse({ type: [AdminUnitResponse], description: 'Every unit, disabled ones too, in list order' })
  units(): Promise<AdminUnitView[]> {
    return this.organisation.units();
  }

  @Post('units')
  @ApiCreatedResponse({ type: AdminUnitResponse, description: 'The unit created' })
  @ApiError(409, 'A unit with this id exists (ALREADY_EXISTS)')
  @ApiError(422, 'A field is not valid: id, name, kind, issuer code, order (VALIDATION_FAILED)')
  createUnit(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateUnitDto): Promise<AdminUnitView> {
    const { id, ...input } = dto;
    return this.organisation.createUnit(user, id, input);
  }

  /** Renames a unit (screens and future letters change; signed letters keep their names), re-kinds, reorders, enables or disables it. */
  @Patch('units/:unitId')
  @ApiOkResponse({ type: AdminUnitResponse, description: 'The unit as it is now' })
  @ApiError(404, 'No such unit (NOT_FOUND)')
  @ApiError(409, 'Disabling a unit that has open tasks (IN_USE)')
  @ApiError(422, 'A field is not valid (VALIDATION_FAILED)')
  updateUnit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId') unitId: string,
    @Body() dto: UpdateUnitDto,
  ): Promise<AdminUnitView> {
    return this.organisation.updateUnit(user, unitId, dto);
  }

  @Get('people')
  @ApiOkResponse({ type: [PersonResponse], description: 'Every person, disabled ones too, by unit and username' })
  people(): Promise<PersonView[]> {
    return this.organisation.people();
  }

  @Post('people')
  @ApiCreatedResponse({ type: PersonResponse, description: 'The person created' })
  @ApiError(409, 'The username is taken (ALREADY_EXISTS)')
  @ApiError(422, 'A field is not valid, or the unit does not exist or is disabled (VALIDATION_FAILED)')
  createPerson(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreatePersonDto): Promise<PersonView> {
    const { username, password, ...input } = dto;
    return this.organisation.createPerson(user, username, password, input);
  }

  @Patch('people/:userId')
  @ApiOkResponse({ type: PersonResponse, description: 'The person as they are now' })
  @ApiError(404, 'No such person (NOT_FOUND)')
  @ApiError(
    422,
    'A field is not valid, a disabled or unknown unit, or an admin disabling themselves (VALIDATION_FAILED)',
  )
  updatePerson(
    @CurrentUser() user: AuthenticatedUser,
    @Param('userId') userId: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.organisation.updatePerson(user, userId, dto);
  }

  /**
   * Imports a whole organisation: `{"units": [...], "people": [...]}` (each as for POST
   * units and POST people), or a CSV with the columns type (unit or person), id, name,
   * shortName, kind, issuerCode, sortOrder, enabled, username, displayName, unitId, roles
   * (separated by ; or spaces), password. Existing units (by id) and people (by username) are
   * updated, others created; each row is applied whole or not at all, with its own result.
   */
  @Post('organisation/import')
  @HttpCode(200)
  @ApiExtraModels(CreateUnitDto, CreatePersonDto)
  @ApiOperation({
    requestBody: {
      required: true,
      description: `At most ${MAX_ORGANISATION_ROWS} rows: JSON, or CSV with a type column`,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              units: { type: 'array', items: { $ref: getSchemaPath(CreateUnitDto) } },
              people: { type: 'array', items: { $ref: getSchemaPath(CreatePersonDto) } },
            },
          },
        },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  })
  @ApiOkResponse({
    type: OrganisationImportReportResponse,
    description: 'Each row created, updated, unchanged or failed',
  })
  @ApiError(400, 'Not {"units": [...], "people": [...]}, or a CSV that cannot be read (BAD_REQUEST)')
  @ApiError(413, `More than ${MAX_ORGANISATION_ROWS} rows (PAYLOAD_TOO_LARGE)`)
  importOrganisation(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<OrganisationImportReport> {
    return this.organisation.importOrganisation(user, organisationRowsOf(contentType, body));
  }

  @Get('city-settings')
  @ApiOkResponse({ type: CitySettingsResponse, description: "The city's names for letters and screens" })
  citySettings(): Promise<CitySettings> {
    return this.organisation.citySettings();
  }

  @Put('city-settings')
  @ApiOkResponse({ type: CitySettingsResponse, description: 'The settings as they are now' })
  @ApiError(422, 'A name is blank, multi-line or too long (VALIDATION_FAILED)')
  setCitySettings(@CurrentUser() user: AuthenticatedUser, @Body() dto: CitySettingsDto): Promise<CitySettings> {
    return this.organisation.setCitySettings(user, dto);
  }

  @Get('events')
  @ApiOkResponse({ type: AdminEventPageResponse, description: 'The admin audit trail, newest first' })
  async events(
    @Query() q: AdminEventQueryDto,
  ): Promise<{ items: AdminEventView[]; total: number; page: number; pageSize: number }> {
    const page = await this.organisation.adminEvents({
      page: q.page,
      pageSize: q.pageSize,
      ...(q.type ? { type: q.type } : {}),
    });
    return { ...page, page: q.page, pageSize: q.pageSize };
  }
}
