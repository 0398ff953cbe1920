import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LetterWordingDto, LetterWordingListResponse, StoredLetterWordingResponse } from './letter-wording.dtos';
import { LetterWordingService } from './letter-wording.service';

/**
 * How reply letters are worded (admin role only): the city's default and each issuing unit's
 * own opening, consulted-units phrase, closing and section phrases. Changes go to the admin
 * audit trail; a signed letter keeps the wording it was signed with.
 */
@ApiTags('admin')
@ApiSignedIn()
@Roles('admin')
@ApiError(403, 'Not an admin (ROLE_REQUIRED)')
@Controller('admin/letter-wording')
export class LetterWordingController {
  constructor(private readonly wording: LetterWordingService) {}

  @Get()
  @ApiOkResponse({ type: LetterWordingListResponse, description: 'The default, the city and every unit wording' })
  list(): Promise<LetterWordingListResponse> {
    return this.wording.list();
  }

  @Put('city')
  @ApiOkResponse({ type: StoredLetterWordingResponse, description: "The city's wording as stored" })
  @ApiError(422, 'A field is blank, multi-line, too long or uses an unknown placeholder (VALIDATION_FAILED)')
  setCity(@CurrentUser() user: AuthenticatedUser, @Body() dto: LetterWordingDto): Promise<StoredLetterWordingResponse> {
    return this.wording.set(user, { kind: 'city' }, dto);
  }

  /** Back to the built-in wording. */
  @Delete('city')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The city uses the built-in wording' })
  removeCity(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.wording.remove(user, { kind: 'city' });
  }

  @Put('units/:unitId')
  @ApiOkResponse({ type: StoredLetterWordingResponse, description: "The unit's wording as stored" })
  @ApiError(404, 'No such unit (NOT_FOUND)')
  @ApiError(422, 'A field is blank, multi-line, too long or uses an unknown placeholder (VALIDATION_FAILED)')
  setUnit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('unitId') unitId: string,
    @Body() dto: LetterWordingDto,
  ): Promise<StoredLetterWordingResponse> {
    return this.wording.set(user, { kind: 'unit', unitId }, dto);
  }

  /** Back to the city's wording. */
  @Delete('units/:unitId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The unit's letters use the city's wording" })
  removeUnit(@CurrentUser() user: AuthenticatedUser, @Param('unitId') unitId: string): Promise<void> {
    return this.wording.remove(user, { kind: 'unit', unitId });
  }
}
