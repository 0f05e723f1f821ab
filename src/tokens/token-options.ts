import { toText } from '../core/objects';
import { secureRandomFraction } from './nonce';

/**
 * Roles a client token can grant: `subscriber` (subscribe only), `publisher` (publish and
 * subscribe), `publisheronly` (publish, no subscribing) and `moderator` (publish, subscribe, and
 * force other clients to disconnect or unpublish).
 */
export type TokenRole = 'publisher' | 'publisheronly' | 'subscriber' | 'moderator';

const ROLES: ReadonlySet<string> = new Set(['publisher', 'publisheronly', 'subscriber', 'moderator']);

/**
 * Options of `generateToken` (and `Session.generateToken`). A value out of range makes
 * `generateToken` throw an `Error` naming the option; the options object is never modified.
 *
 * @example
 * ```ts
 * const token = opentok.generateToken(sessionId, {
 *   role: 'moderator',
 *   expireTime: Math.round(Date.now() / 1000) + 7 * 24 * 3600, // in a week
 *   data: 'name=Johnny',
 *   initialLayoutClassList: ['focus'],
 * });
 * ```
 */
export interface TokenOptions {
  /** Role of the connection (see {@link TokenRole}). Default `'publisher'`. */
  role?: TokenRole;
  /**
   * When the token expires, in seconds since the epoch (rounded to a whole second); not in the past
   * and at most 30 days ahead. Default: 24 hours after the token is generated.
   */
  expireTime?: number;
  /** Connection data, which the other clients of the session see; at most 1024 characters. */
  data?: string;
  /**
   * Initial layout classes of the streams published with this token: a list (joined with spaces)
   * or a single space-separated string; at most 1024 characters in all. Default: none.
   */
  initialLayoutClassList?: string[] | string;
}

/**
 * The token data, in the key order of 2.x (a T1 token's signed string and a JWT's claims follow it).
 */
export interface TokenData {
  session_id: string;
  create_time: number;
  nonce: number;
  role: string;
  expire_time: number;
  connection_data?: string;
  initial_layout_class_list: string;
  scope: 'session.connect';
}

/** Claims and token data both derive from the same validated values. */
export interface ValidatedTokenFields {
  readonly role: string;
  readonly expireTime: number;
  readonly data: string | undefined;
  readonly initialLayoutClassList: string;
}

const ONE_DAY = 86400;
const THIRTY_DAYS = 2592000;
const MAX_DATA_LENGTH = 1024;

/** `Array#join(' ')` (null and undefined elements as `''`) that cannot throw on odd elements. */
function joinClasses(classes: readonly unknown[]): string {
  try {
    return classes.join(' ');
  } catch {
    return classes.map((layoutClass) => (layoutClass == null ? '' : toText(layoutClass))).join(' ');
  }
}

/**
 * Reads the four camelCase options, applies their defaults and validates them: a known role, an
 * expiry that is a number, not in the past and at most 30 days ahead, data and class list of at
 * most 1024 characters.
 * Throws a plain `Error` with the documented message. Never modifies `options`; snake_case keys are
 * ignored.
 */
export function validateTokenOptions(options: unknown, now: number): ValidatedTokenFields {
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const requestedRole = opts.role;
  const requestedExpiry = opts.expireTime;
  const requestedData = opts.data;
  const requestedClasses = opts.initialLayoutClassList;

  const role = requestedRole === undefined ? 'publisher' : requestedRole;
  const expireTime =
    typeof requestedExpiry === 'number' || typeof requestedExpiry === 'string'
      ? Math.round(requestedExpiry as number)
      : now + ONE_DAY;
  const data = requestedData ? requestedData : undefined;
  let initialLayoutClassList = '';
  if (Array.isArray(requestedClasses)) initialLayoutClassList = joinClasses(requestedClasses);
  else if (typeof requestedClasses === 'string') initialLayoutClassList = requestedClasses;

  if (typeof role !== 'string' || !ROLES.has(role)) {
    throw new Error(`Invalid role for token generation: ${toText(role)}`);
  }
  if (Number.isNaN(expireTime)) {
    throw new Error(`Invalid expireTime for token generation: ${toText(requestedExpiry)}`);
  }
  if (expireTime < now) {
    throw new Error(`Invalid expireTime for token generation, time cannot be in the past: ${expireTime} < ${now}`);
  }
  if (expireTime > now + THIRTY_DAYS) {
    throw new Error(
      `Invalid expireTime for token generation, time cannot be more than 30 days in the future: ${expireTime} > ${now + THIRTY_DAYS}`,
    );
  }
  if (data !== undefined && (typeof data !== 'string' || data.length > MAX_DATA_LENGTH)) {
    throw new Error('Invalid data for token generation, must be a string with maximum length 1024');
  }
  if (initialLayoutClassList.length > MAX_DATA_LENGTH) {
    throw new Error(
      'Invalid initial layout class list for token generation, must have concatenated length of less than 1024',
    );
  }
  return { role, expireTime, data: data, initialLayoutClassList };
}

/** Builds the token data in its documented key order, with a fresh nonce. */
export function buildTokenData(sessionId: string, now: number, fields: ValidatedTokenFields): TokenData {
  // connection_data is absent, not empty, without data; it sits before the class list. (Two
  // literals rather than a conditional spread: each has one fixed shape, and no temporary object.)
  if (fields.data === undefined) {
    return {
      session_id: sessionId,
      create_time: now,
      nonce: secureRandomFraction(),
      role: fields.role,
      expire_time: fields.expireTime,
      initial_layout_class_list: fields.initialLayoutClassList,
      scope: 'session.connect',
    };
  }
  return {
    session_id: sessionId,
    create_time: now,
    nonce: secureRandomFraction(),
    role: fields.role,
    expire_time: fields.expireTime,
    connection_data: fields.data,
    initial_layout_class_list: fields.initialLayoutClassList,
    scope: 'session.connect',
  };
}
