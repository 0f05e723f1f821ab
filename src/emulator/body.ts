import { EmulatorHttpError } from './errors';

/** The request body as a JSON object, or a 400. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EmulatorHttpError(400, 'A JSON object body is required');
  }
  return body as Record<string, unknown>;
}

/** A required non-empty string field, or a 400 naming it. */
export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new EmulatorHttpError(400, `${field} is required and must be a string`);
  }
  return value;
}

/** An optional field of the given type, or a 400. */
export function optional<T>(body: Record<string, unknown>, field: string, type: 'string' | 'boolean' | 'number'): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) throw new EmulatorHttpError(400, `${field} must be a ${type}`);
  return value as T;
}

/** Pagination of list endpoints: `offset` (default 0) and `count` (default 50, at most 1000). */
export function page<T>(items: readonly T[], query: URLSearchParams): { count: number; items: T[] } {
  const offset = Number(query.get('offset') ?? 0);
  const count = Number(query.get('count') ?? 50);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 1000) {
    throw new EmulatorHttpError(400, 'offset must be >= 0 and count between 1 and 1000');
  }
  return { count: items.length, items: items.slice(offset, offset + count) };
}

/**
 * The video resolutions the service takes for composed archives, broadcasts, renders and automatic
 * archives: SD, HD and FHD, landscape then portrait.
 */
export const VIDEO_RESOLUTIONS = ['640x480', '1280x720', '1920x1080', '480x640', '720x1280', '1080x1920'] as const;

/**
 * An optional field that must be one of `allowed` when present (`null` counts as absent, as in
 * {@link optional}), or a 400 naming the field and the values it takes.
 */
export function optionalOneOf<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[]): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new EmulatorHttpError(400, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}
