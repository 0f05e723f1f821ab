import { WebhookError } from './webhook-error';
import type { WebhookPayload } from './types';

/** Prefix of every `WebhookError` message. */
export const PREFIX = 'Invalid OpenTok event: ';

/** A `WebhookError` about the field at `path`. */
export function fieldError(path: string, problem: string): WebhookError {
  return new WebhookError(`${PREFIX}${path} ${problem}`);
}

/** Whether `value` is a non-array, non-null object. */
export function isRecord(value: unknown): value is WebhookPayload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the fields of one JSON object, reporting each problem with the field's dotted path
 * (`stream.connection.id`). Every reader throws a `WebhookError` on a missing or mistyped value.
 */
export class FieldReader {
  // TypeScript-private rather than ES-private: the published declarations of this internal class
  // must not contain `#private` (a consumer compiling for ES5 rejects it), and the fields hold only
  // the webhook body the application handed in.
  private readonly fields: WebhookPayload;
  private readonly prefix: string;

  constructor(object: WebhookPayload, prefix = '') {
    this.fields = object;
    this.prefix = prefix;
  }

  /** Whether the field is present (not `undefined`). */
  has(key: string): boolean {
    return this.fields[key] !== undefined;
  }

  /** The raw value of the field. */
  raw(key: string): unknown {
    return this.fields[key];
  }

  /** The field's dotted path. */
  path(key: string): string {
    return this.prefix + key;
  }

  /** A required string; IDs (`nonEmpty`) must not be `''`. */
  string(key: string, nonEmpty = false): string {
    const value = this.fields[key];
    if (typeof value !== 'string') throw fieldError(this.path(key), 'must be a string');
    if (nonEmpty && value === '') throw fieldError(this.path(key), 'must not be empty');
    return value;
  }

  /** A required finite number. */
  number(key: string): number {
    const value = this.fields[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw fieldError(this.path(key), 'must be a number');
    return value;
  }

  /** A required string among `allowed`. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.string(key);
    if (!(allowed as readonly string[]).includes(value)) throw fieldError(this.path(key), `must be one of ${allowed.join(', ')}`);
    return value as T;
  }

  /** A required object, read with its own reader. */
  object(key: string): FieldReader {
    const value = this.fields[key];
    if (!isRecord(value)) throw fieldError(this.path(key), 'must be an object');
    return new FieldReader(value, `${this.path(key)}.`);
  }

  /** Checks the type of an optional field present in the payload: `string`, `number`, `boolean`, `object`, `array`, `string|null`. */
  optional(key: string, kind: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'string|null'): void {
    const value = this.fields[key];
    if (value === undefined) return;
    switch (kind) {
      case 'string':
        if (typeof value !== 'string') throw fieldError(this.path(key), 'must be a string');
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw fieldError(this.path(key), 'must be a number');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') throw fieldError(this.path(key), 'must be a boolean');
        return;
      case 'object':
        if (!isRecord(value)) throw fieldError(this.path(key), 'must be an object');
        return;
      case 'array':
        if (!Array.isArray(value)) throw fieldError(this.path(key), 'must be an array');
        return;
      case 'string|null':
        if (value !== null && typeof value !== 'string') throw fieldError(this.path(key), 'must be a string or null');
        return;
    }
  }

  /** As {@link id}, or `undefined` when none of `keys` is present. */
  optionalId(keys: readonly string[]): string | undefined {
    return keys.some((candidate) => this.has(candidate)) ? this.id(keys) : undefined;
  }

  /**
   * The first present field of `keys` as a non-empty string (numbers are converted): the project
   * ID, which the service sends as `projectId`, `partnerId` or `applicationId`, string or number.
   */
  id(keys: readonly string[]): string {
    const key = keys.find((candidate) => this.has(candidate));
    if (key === undefined) {
      const names = keys.map((candidate) => this.path(candidate));
      const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
      throw new WebhookError(`${PREFIX}${listed} must be a string or number`);
    }
    const value = this.fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') throw fieldError(this.path(key), 'must be a string or number');
    if (value === '') throw fieldError(this.path(key), 'must not be empty');
    return value;
  }
}
