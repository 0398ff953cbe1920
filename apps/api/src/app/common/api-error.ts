import type { ErrorDetail } from '@banli/domain';

/** The one error shape every endpoint answers with. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: ErrorDetail[];
    retryAfterSeconds?: number;
    requestId?: string;
  };
}
