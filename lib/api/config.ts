/**
 * Where the REST API lives. The literal `process.env.NEXT_PUBLIC_API_URL` lets Next inline the
 * value at build time; read through a function so nothing is evaluated at import.
 */
export const API_DEFAULTS = {
  baseUrl: 'http://127.0.0.1:4010/api',
} as const;

export function apiBaseUrl(): string {
  const fromEnv = process.env.NEXT_PUBLIC_API_URL;
  return (fromEnv && fromEnv.trim()) || API_DEFAULTS.baseUrl;
}

export function joinUrl(baseUrl: string, path: string, query?: Record<string, string | null | undefined>): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return `${base}${rel}${qs ? `?${qs}` : ''}`;
}
