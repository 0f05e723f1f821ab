// ESM entry point (`import OpenTok from 'opentok'`): re-exports the CommonJS build, so both module
// systems share one constructor and one set of error classes (no dual-package hazard).
import OpenTok from '../index.js';

export default OpenTok;

/** The error classes, also as named exports. */
export const {
  ArgumentError,
  AuthError,
  ArchiveError,
  CaptionsError,
  SipError,
  SignalError,
  ForceDisconnectError,
  CallbackError,
  RequestError,
  NotFoundError,
  Session,
  SipInterconnect,
  SipCall,
} = OpenTok;
