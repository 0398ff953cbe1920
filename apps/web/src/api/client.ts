import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';

/**
 * The app's one way to the API: a fetch typed by the OpenAPI document (openapi-fetch over the
 * types openapi-typescript generates from apps/api/openapi.json), so a path, a parameter or
 * a field the API does not have is a compile error. The session lives in an HttpOnly cookie
 * set by `POST /api/auth/session`, so no script on the page (ours included) can read the
 * token; every request carries `X-Requested-With: banli-web`, which the API requires of
 * cookie-authenticated writes (a cross-site form cannot set it: CSRF defence on top of
 * SameSite=Strict).
 */

/** The API's schemas by name (the `*Response` classes and request DTOs of apps/api). */
export type Schemas = components['schemas'];

export type ApiErrorDetail = Schemas['ApiErrorDetailResponse'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId?: string,
    /** Seconds until a refusal that lifts by itself lifts (too many sign-in attempts). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the API answers 401 (session expired, user disabled or moved). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Every refusal becomes an ApiError (with the API's code), every network failure too. */
const refusalsAsErrors: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    let error: Partial<Schemas['ApiErrorContentResponse']> = {};
    try {
      error = ((await response.clone().json()) as Partial<Schemas['ApiErrorResponse']>).error ?? {};
    } catch {
      // not JSON: keep the status
    }
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/session')) {
      unauthenticatedListeners.forEach((l) => l());
    }
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? response.statusText,
      error.details,
      error.requestId,
      error.retryAfterSeconds,
    );
  },
  onError({ error }) {
    if (error instanceof Error && error.name === 'AbortError') return error;
    return new ApiError(0, 'NETWORK', 'The server cannot be reached');
  },
};

export const client = createClient<paths, 'application/json'>({
  credentials: 'same-origin',
  headers: { 'X-Requested-With': 'banli-web', Accept: 'application/json' },
});
client.use(refusalsAsErrors);

/**
 * The data of a call whose refusals throw (see refusalsAsErrors): `await ok(client.GET(…))`.
 * Undefined only for an answer without a body (204).
 */
export async function ok<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await call).data as T;
}

/** The Idempotency-Key header of one user intent: a retried submit is applied once. */
export function idempotent(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/** Saves a file answer (a letter, an export; asked for with `parseAs: 'blob'`) under its own name. */
export async function download(
  call: Promise<{ data?: Blob; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { data, response } = await call;
  const disposition = response.headers.get('content-disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(data ?? new Blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A fresh idempotency key for one user intent (kept across retries of that intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
