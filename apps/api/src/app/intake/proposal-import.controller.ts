import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiOkResponse, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { RegisterProposalDto } from '../proposals/register-proposal.dto';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { ImportReportResponse } from './proposal-import.response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RequestId } from '../common/request-id';
import { importRowsOf, MAX_IMPORT_ROWS } from './import-rows';
import { ImportReport, ProposalImportService } from './proposal-import.service';

@ApiTags('proposals')
@ApiSignedIn()
@Controller('proposals')
export class ProposalImportController {
  constructor(private readonly imports: ProposalImportService) {}

  /**
   * Registers a whole session at once: `{"proposals": [...]}` as for POST /api/proposals, or a
   * CSV with the columns kind, sessionCode, number, title, proposers (separated by 、 or ;, the
   * lead first), body, suggestionPoints (separated by line breaks or |) and, optionally,
   * sessionName (must be the session's) and urgent (true/false). A row whose session is
   * unknown or closed fails on its own (422). With `?accept=true` the committee accepts (立案) every
   * row as it registers it, in the same workflow update: the session is then ready for the
   * assigning office's bulk assignment (POST /api/proposals/assignments).
   */
  @Post('import')
  @Roles('registrar')
  @HttpCode(200)
  @ApiExtraModels(RegisterProposalDto)
  @ApiOperation({
    requestBody: {
      required: true,
      description: `At most ${MAX_IMPORT_ROWS} proposals: JSON as for POST /api/proposals, or CSV`,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['proposals'],
            properties: { proposals: { type: 'array', items: { $ref: getSchemaPath(RegisterProposalDto) } } },
          },
        },
        'text/csv': { schema: { type: 'string' } },
      },
    },
  })
  @ApiOkResponse({
    type: ImportReportResponse,
    description: 'Each row created, unchanged (registered before) or failed with its error',
  })
  @ApiQuery({
    name: 'accept',
    required: false,
    enum: ['true', 'false'],
    description: 'true: accept (立案) each proposal as it is registered, in the same workflow update',
  })
  @ApiError(400, 'Not {"proposals": [...]}, or a CSV that cannot be read (BAD_REQUEST)')
  @ApiError(413, `More than ${MAX_IMPORT_ROWS} proposals, or a body over BODY_LIMIT (PAYLOAD_TOO_LARGE)`)
  import(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | undefined,
    @Query('accept') accept?: string,
  ): Promise<ImportReport> {
    if (accept !== undefined && accept !== 'true' && accept !== 'false') {
      throw new BadRequestException('accept must be true or false');
    }
    return this.imports.importRows(importRowsOf(contentType, body), {
      ...(requestId ? { requestId } : {}),
      ...(accept === 'true' ? { acceptBy: user } : {}),
    });
  }
}
