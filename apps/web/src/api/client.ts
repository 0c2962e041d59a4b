// Calls the Jalin API on the same origin with the session's token. Every failure becomes
// an ApiError carrying the server's bilingual message, so screens can show it as is.
import type { Bilingual, Violation } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly violations: Violation[] = [],
  ) {
    super(text.en);
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => {};

export function setToken(value: string | null): void {
  token = value;
}

/** Called when a request answers 401 with a token: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const NETWORK_ERROR: Bilingual = {
  id: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
  en: 'The server cannot be reached. Check the connection and try again.',
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR);
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized();
    throw toApiError(response.status, data);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(status: number, data: unknown): ApiError {
  const body = (typeof data === 'object' && data) as { code?: string; message?: unknown; violations?: Violation[] } | false;
  const message = body && body.message;
  const text: Bilingual =
    message && typeof message === 'object' && 'id' in message
      ? (message as Bilingual)
      : { id: `Permintaan gagal (${status}).`, en: `The request failed (${status}).` };
  return new ApiError(status, (body && body.code) || `HTTP_${status}`, text, (body && body.violations) || []);
}

/** A file the API serves behind the token (attachments, exports), as a blob. */
export async function getBlob(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR);
  }
  if (!response.ok) throw toApiError(response.status, safeJson(await response.text()));
  return response.blob();
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
