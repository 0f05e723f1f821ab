import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient } from '../opentok';
import { ownerOf, setOwner } from './owners';

/**
 * A SIP call dialled into a session (SPEC §11.1). Exported under its original name
 * `SipInterconnect` as well (`require('opentok/lib/sipInterconnect.js')`).
 */
export class SipCall {
  /** Conference ID of the call. */
  declare id: string;
  /** Connection ID of the SIP participant. */
  declare connectionId: string;
  /** ID of the audio (and video) stream the call publishes. */
  declare streamId: string;
  /**
   * The session the call was dialled into: the service's reply has none, so `dial` sets the
   * session ID it was given (a reply that has one keeps its own).
   */
  declare sessionId: string;
  /** Any other field the service returned. */
  [field: string]: unknown;

  /** The OpenTok client that dialled the call (kept off the instance's data, see `owners.ts`). */
  get client(): OpenTokClient {
    return ownerOf(this, 'SipCall.client').ot;
  }

  /** Builds a SIP call from the service's JSON. */
  constructor(ot: OpenTokClient, properties: object) {
    setOwner(this, ot, undefined);
    copyOwnProperties(this, properties);
  }
}
