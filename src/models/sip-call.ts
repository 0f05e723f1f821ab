import { copyOwnProperties } from '../core/objects';
import type { OpenTokClient } from '../opentok';

/**
 * The client of each SIP call, kept off the instance: `util.inspect` and `JSON.stringify` show only
 * the service's fields, and the published declarations (the class is exported as
 * `OpenTok.SipInterconnect`) need no ES private field, which a consumer compiling for ES5 rejects.
 * One entry per `dial`: no list method builds SIP calls.
 */
const clients = new WeakMap<SipCall, OpenTokClient>();

/**
 * A SIP call dialled into a session, as `dial` calls back with it. Every key of the service's JSON
 * is copied onto it as it is. Exported under its original name `SipInterconnect` as well
 * (`require('opentok/lib/sipInterconnect.js')`).
 *
 * @example
 * ```ts
 * opentok.dial(sessionId, token, 'sip:user@sip.example.com', (err, sipCall) => {
 *   if (err) return console.error(err);
 *   // Hang up later by disconnecting the SIP participant.
 *   opentok.forceDisconnect(sipCall.sessionId, sipCall.connectionId, (error) => {
 *     if (error) console.error(error);
 *   });
 * });
 * ```
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

  /**
   * The OpenTok client that dialled the call.
   *
   * @throws `TypeError` when read on an object that is not a SipCall built by the SDK.
   */
  get client(): OpenTokClient {
    const client = clients.get(this);
    if (client === undefined) throw new TypeError('SipCall.client read on an object that is not a SipCall');
    return client;
  }

  /**
   * Builds a SIP call from the service's JSON (the SDK does this in `dial`).
   *
   * @param ot - The client that dialled the call.
   * @param properties - The service's JSON; its own keys are copied onto the object.
   */
  constructor(ot: OpenTokClient, properties: object) {
    clients.set(this, ot);
    copyOwnProperties(this, properties);
  }
}
