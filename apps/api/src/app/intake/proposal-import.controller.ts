import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { RegisterProposalDto } from '../proposals/register-proposal.dto';
import { ApiError, ApiSignedIn } from '../common/api-responses';
import { ImportReportResponse } from './proposal-import.response';
import { Roles } from '../auth/auth.decorators';
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
   * CSV with the columns kind, sessionCode, sessionName, number, title, proposers (separated by
   * 、 or ;, the lead first), body, suggestionPoints (separated by line breaks or |) and,
   * optionally, urgent (true/false).
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
  @ApiError(400, 'Not {"proposals": [...]}, or a CSV that cannot be read (BAD_REQUEST)')
  @ApiError(413, `More than ${MAX_IMPORT_ROWS} proposals, or a body over BODY_LIMIT (PAYLOAD_TOO_LARGE)`)
  import(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @RequestId() requestId: string | undefined,
  ): Promise<ImportReport> {
    return this.imports.importRows(importRowsOf(contentType, body), requestId ? { requestId } : {});
  }
}
