import { createHmac, timingSafeEqual } from 'crypto';
import { parse as parseQuery } from 'querystring';
import jwt from 'jsonwebtoken';
import type { JwtPayload } from 'jsonwebtoken';
import { ClientConnectError } from './errors';
import type { ProjectState } from './state';

/** What a verified client token grants. */
export interface VerifiedClientToken {
  readonly apiKey: string;
  readonly sessionId: string;
  readonly role: string;
  readonly data: string;
  readonly expireTime: number;
  readonly initialLayoutClassList: string;
}

const ROLES = new Set(['publisher', 'publisheronly', 'subscriber', 'moderator']);

/** The API key (or application ID) a token claims to belong to, read without verifying it. */
export function tokenIssuer(token: string): string | undefined {
  if (token.startsWith('T1==')) {
    const plain = Buffer.from(token.slice(4), 'base64').toString('utf8');
    const partner = parseQuery(plain.split(':')[0] ?? '').partner_id;
    return typeof partner === 'string' ? partner : undefined;
  }
  let claims: JwtPayload | null;
  try {
    claims = jwt.decode(token, { json: true });
  } catch {
    // A JWT whose payload is not JSON: `jws` throws instead of returning null.
    return undefined;
  }
  const issuer: unknown = claims?.application_id ?? claims?.iss;
  return typeof issuer === 'string' && issuer.length > 0 ? issuer : undefined;
}

function refuse(code: string, message: string): never {
  throw new ClientConnectError(code, message);
}

function verifyT1(token: string, project: ProjectState): Omit<VerifiedClientToken, 'apiKey'> {
  if (!project.apiSecret) refuse('invalid-token', 'T1 tokens need an OpenTok project secret');
  const plain = Buffer.from(token.slice(4), 'base64').toString('utf8');
  const separator = plain.indexOf(':');
  if (separator < 0) refuse('invalid-token', 'Malformed T1 token');
  const header = parseQuery(plain.slice(0, separator));
  const dataString = plain.slice(separator + 1);
  const expected = createHmac('sha1', project.verificationKey).update(dataString).digest('hex');
  const given = typeof header.sig === 'string' ? header.sig : '';
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    refuse('bad-signature', 'Token signature does not match');
  }
  if (header.partner_id !== project.apiKey) refuse('wrong-project', 'Token belongs to another API key');
  const data = parseQuery(dataString);
  const text = (key: string): string => (typeof data[key] === 'string' ? (data[key]) : '');
  return {
    sessionId: text('session_id'),
    role: text('role'),
    data: text('connection_data'),
    expireTime: Number(text('expire_time')),
    initialLayoutClassList: text('initial_layout_class_list'),
  };
}

function verifyJwt(token: string, project: ProjectState): Omit<VerifiedClientToken, 'apiKey'> & { issuedAt?: number } {
  let claims: JwtPayload;
  try {
    claims = project.publicKey
      ? (jwt.verify(token, project.verificationKey, { algorithms: ['RS256'], ignoreExpiration: true }) as JwtPayload)
      : (jwt.verify(token, project.verificationKey, {
          algorithms: ['HS256'],
          issuer: project.apiKey,
          ignoreExpiration: true,
        }) as JwtPayload);
  } catch (error) {
    return refuse('bad-signature', `Token does not verify: ${(error as Error).message}`);
  }
  if (claims.scope !== 'session.connect') refuse('invalid-token', 'Token scope must be session.connect');
  if (project.publicKey && claims.application_id !== project.apiKey) {
    refuse('wrong-project', 'Token belongs to another application');
  }
  const expireTime = typeof claims.expire_time === 'number' ? claims.expire_time : claims.exp;
  return {
    issuedAt: typeof claims.iat === 'number' ? claims.iat : undefined,
    sessionId: typeof claims.session_id === 'string' ? claims.session_id : '',
    role: typeof claims.role === 'string' ? claims.role : '',
    data: typeof claims.connection_data === 'string' ? claims.connection_data : '',
    expireTime: typeof expireTime === 'number' ? expireTime : NaN,
    initialLayoutClassList:
      typeof claims.initial_layout_class_list === 'string' ? claims.initial_layout_class_list : '',
  };
}

/**
 * Verifies a client token the way the service does when a client connects: signature (JWT or T1),
 * project, a JWT's `iat` not after `nowSeconds`, role, expiry and, when given, the session it is
 * used for. Throws a `ClientConnectError`.
 */
export function verifyClientToken(
  project: ProjectState,
  token: string,
  sessionId: string | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): VerifiedClientToken {
  if (typeof token !== 'string' || token.length === 0) refuse('invalid-token', 'No token given');
  const { issuedAt, ...fields } = token.startsWith('T1==') ? { ...verifyT1(token, project), issuedAt: undefined } : verifyJwt(token, project);
  if (issuedAt !== undefined && issuedAt > nowSeconds) refuse('invalid-token', 'issued time cannot be greater than current time');
  if (!ROLES.has(fields.role)) refuse('invalid-role', `Invalid role: ${fields.role}`);
  if (!Number.isFinite(fields.expireTime)) refuse('invalid-token', 'Token has no expiry');
  if (fields.expireTime < nowSeconds) refuse('expired', 'Token has expired');
  if (sessionId !== undefined && fields.sessionId !== sessionId) {
    refuse('wrong-session', 'Token was generated for another session');
  }
  return { apiKey: project.apiKey, ...fields };
}
