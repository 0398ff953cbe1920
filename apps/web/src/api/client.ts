/**
 * The app's one way to the API. The session lives in an HttpOnly cookie set by
 * `POST /api/auth/session`, so no script on the page (ours included) can read the token; every
 * request carries `X-Requested-With: banli-web`, which the API requires of cookie-authenticated
 * writes (a cross-site form cannot set it: CSRF defence on top of SameSite=Strict).
 */
export interface ApiErrorDetail {
  field?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId?: string,
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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent as Idempotency-Key: a retried submit is applied once. */
  idempotencyKey?: string;
  contentType?: string;
  signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'X-Requested-With': 'banli-web', Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      headers['Content-Type'] = options.contentType ?? 'text/plain';
      body = options.body;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached');
  }
  if (res.ok) return res;
  let error: { code?: string; message?: string; details?: ApiErrorDetail[]; requestId?: string } = {};
  try {
    error = ((await res.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // not JSON: keep the status
  }
  if (res.status === 401 && path !== '/auth/session') unauthenticatedListeners.forEach((l) => l());
  throw new ApiError(
    res.status,
    error.code ?? `HTTP_${res.status}`,
    error.message ?? res.statusText,
    error.details,
    error.requestId,
  );
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Like `api`, for an answer that is text, e.g. the HTML of a letter preview. */
export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  const res = await send(path, options);
  return res.text();
}

/** Downloads a file (a letter, an export) through the same session. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, {});
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name =
    /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
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
