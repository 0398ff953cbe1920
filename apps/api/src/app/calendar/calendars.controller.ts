import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { calendarFileFormat, CalendarLoadResult, CalendarLoading } from '@banli/persistence';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { PATH_INT } from '../common/path-int.pipe';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CalendarLoadResponse,
  CalendarReportResponse,
  CalendarStatusResponse,
  CalendarVersionResponse,
} from './calendars.response';

const EXAMPLE = {
  label: 'gov-2027',
  years: [{ year: 2027, holidays: { '2027-01-01': "New Year's Day" }, workdays: {} }],
};

@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@Controller('admin/calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarLoading) {}

  /**
   * Loads a year's holiday notice or local days off, as JSON (label, years, localHolidays) or
   * iCalendar (see docs/operators/calendars.md), and re-plans every open proposal. The same content
   * again is the same version (200, created false).
   */
  @Post()
  @HttpCode(200)
  @ApiOperation({
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { type: 'object', example: EXAMPLE } },
        'text/calendar': { schema: { type: 'string' } },
      },
    },
  })
  @ApiQuery({ name: 'label', required: false, description: 'The label of an iCalendar file (else X-BANLI-LABEL)' })
  @ApiQuery({ name: 'source', required: false, enum: ['api', 'web'], description: 'Where the load came from' })
  @ApiOkResponse({ type: CalendarLoadResponse })
  @ApiError(400, 'Neither JSON nor text/calendar (BAD_REQUEST)')
  @ApiError(422, 'The calendar is invalid or ambiguous: each problem names its field, line or event')
  load(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Query('label') label?: string,
    @Query('source') source?: string,
  ): Promise<CalendarLoadResult> {
    const format = calendarFileFormat(contentType ?? '');
    if (!format) throw new BadRequestException('Send application/json or text/calendar');
    if (source !== undefined && source !== 'api' && source !== 'web') {
      throw new BadRequestException('source must be api or web');
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
    return this.calendars.load(user, { text, format, source: source ?? 'api', ...(label ? { label } : {}) });
  }

  @Get()
  @ApiOkResponse({ type: [CalendarVersionResponse], description: 'Every loaded version, newest first' })
  list(): Promise<CalendarVersionResponse[]> {
    return this.calendars.list();
  }

  @Get('status')
  @ApiOkResponse({ type: CalendarStatusResponse, description: 'Years published or provisional, and the reminder' })
  status(): Promise<CalendarStatusResponse> {
    return this.calendars.status();
  }

  @Get(':seq/report')
  @ApiOkResponse({ type: CalendarReportResponse, description: 'Every deadline this version moved or made final' })
  @ApiError(404, 'No such version (NOT_FOUND)')
  report(@Param('seq', PATH_INT) seq: number): Promise<CalendarReportResponse> {
    return this.calendars.report(seq);
  }
}
