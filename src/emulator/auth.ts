import type { KeyObject } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import jwt from 'jsonwebtoken';
import type { JwtPayload } from 'jsonwebtoken';
import { EmulatorHttpError } from './errors';
import type { ProjectState } from './state';

/** How long a REST JWT may live at most: the SDK issues them for 300 s. */
const MAX_LIFETIME_SECONDS = 300;

function refuse(message: string): never {
  throw new EmulatorHttpError(403, message);
}

function claimsOf(token: string): JwtPayload {
  let decoded: JwtPayload | null;
  try {
    decoded = jwt.decode(token, { json: true });
  } catch {
    // A JWT whose payload is not JSON: `jws` throws instead of returning null.
    decoded = null;
  }
  if (!decoded || typeof decoded !== 'object') refuse('Invalid token: not a JWT');
  return decoded;
}

/**
 * The service's refusal of a JWT dated after its clock, in its words (the SDK recognises it and
 * corrects its clock).
 */
export const ISSUED_IN_THE_FUTURE = 'issued time cannot be greater than current time';

function verify(token: string, key: KeyObject, algorithm: 'HS256' | 'RS256', issuer: string, nowSeconds: number): JwtPayload {
  try {
    const claims = jwt.verify(token, key, { algorithms: [algorithm], issuer, clockTimestamp: nowSeconds }) as JwtPayload;
    if (claims.ist !== 'project') refuse('Invalid token: ist must be "project"');
    if (typeof claims.exp !== 'number') refuse('Invalid token: exp is required');
    if (typeof claims.iat === 'number' && claims.iat > nowSeconds) refuse(ISSUED_IN_THE_FUTURE);
    if (typeof claims.iat === 'number' && claims.exp - claims.iat > MAX_LIFETIME_SECONDS) {
      refuse('Invalid token: lifetime exceeds 300 seconds');
    }
    return claims;
  } catch (error) {
    if (error instanceof EmulatorHttpError) throw error;
    return refuse(`Invalid token: ${(error as Error).message}`);
  }
}

/**
 * Authenticates a REST request as the service does: an `X-OPENTOK-AUTH` HS256 JWT signed with the
 * project's secret, or (Vonage applications) an `Authorization: Bearer` RS256 JWT, current at
 * `nowSeconds` (the emulator's clock): not expired, not issued after it. Returns the project;
 * anything else is a 403.
 */
export function authenticate(headers: IncomingHttpHeaders, projects: ReadonlyMap<string, ProjectState>, nowSeconds: number): ProjectState {
  const opentokAuth = headers['x-opentok-auth'];
  const authorization = headers.authorization;
  if (typeof opentokAuth === 'string' && opentokAuth.length > 0) {
    const issuer = claimsOf(opentokAuth).iss;
    const project = typeof issuer === 'string' ? projects.get(issuer) : undefined;
    if (!project?.apiSecret) return refuse('Invalid token: unknown API key');
    verify(opentokAuth, project.verificationKey, 'HS256', project.apiKey, nowSeconds);
    return project;
  }
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length);
    const claims = claimsOf(token);
    const applicationId: unknown = claims.application_id;
    const project = typeof applicationId === 'string' ? projects.get(applicationId) : undefined;
    if (!project?.publicKey) return refuse('Invalid token: unknown application');
    verify(token, project.verificationKey, 'RS256', project.apiKey, nowSeconds);
    return project;
  }
  return refuse('Authentication required');
}
