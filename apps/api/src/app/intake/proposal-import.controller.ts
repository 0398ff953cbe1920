import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { RequestId } from '../common/request-id';
import { importRowsOf, MAX_IMPORT_ROWS } from './import-rows';
import { ImportReport, ProposalImportService } from './proposal-import.service';

@ApiTags('proposals')
@ApiBearerAuth()
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
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ description: `At most ${MAX_IMPORT_ROWS} proposals` })
  @ApiOkResponse({ description: 'Each row created, unchanged (registered before) or failed with its error' })
  @ApiBadRequestResponse({ description: 'Not {"proposals": [...]}, or a CSV that cannot be read' })
  @ApiPayloadTooLargeResponse({ description: `More than ${MAX_IMPORT_ROWS} proposals, or a body over BODY_LIMIT` })
  import(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @RequestId() requestId: string | undefined,
  ): Promise<ImportReport> {
    return this.imports.importRows(importRowsOf(contentType, body), requestId ? { requestId } : {});
  }
}
