import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from '@banli/domain';
import { HTTP_CODE_OF, HTTP_LAYER_CODES } from './domain-error.filter';

/** Every code an error body can carry: the domain's codes and the HTTP layer's own. */
export const API_ERROR_CODES = [
  ...new Set<string>([...ERROR_CODES, ...Object.values(HTTP_CODE_OF), ...HTTP_LAYER_CODES, 'INTERNAL_ERROR']),
];

export class ApiErrorDetailResponse {
  @ApiPropertyOptional({ description: 'The input field at fault, where there is one', example: 'leadUnitId' })
  field?: string;
  @ApiProperty() message!: string;
}

export class ApiErrorContentResponse {
  @ApiProperty({ enum: API_ERROR_CODES, enumName: 'ErrorCode' }) code!: string;
  @ApiProperty({ description: 'For people; the code is for programs' }) message!: string;
  @ApiPropertyOptional({ type: [ApiErrorDetailResponse] }) details?: ApiErrorDetailResponse[];
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Seconds until the refusal lifts (also in Retry-After), on refusals that lift by themselves (429)',
  })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, to find it in the logs' }) requestId?: string;
}

/** The one error shape every endpoint answers with (see ApiErrorBody). */
export class ApiErrorResponse {
  @ApiProperty({ type: ApiErrorContentResponse }) error!: ApiErrorContentResponse;
}
