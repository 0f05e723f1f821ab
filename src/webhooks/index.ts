/**
 * `require('opentok/webhooks')`: typed parsing of the event callbacks the OpenTok service POSTs
 * (session monitoring, SIP calls, archives, broadcasts, Experience Composer, live captions), and
 * verification of signed callbacks. {@link webhookHandler} is an Express route handler that does
 * both; {@link parseEvent} and {@link verifyCallback} are the two steps on their own.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { webhookHandler } from 'opentok/webhooks';
 *
 * const app = express();
 * app.post('/opentok/events', express.json(), webhookHandler((event) => {
 *   if (event.type === 'streamCreated') console.log(`${event.stream.id} published in ${event.sessionId}`);
 * }));
 * app.listen(3000);
 * ```
 *
 * @module opentok/webhooks
 */
export { parseEvent } from './parse-event';
export { webhookHandler } from './handler';
export type {
  WebhookEventListener,
  WebhookHandler,
  WebhookHandlerOptions,
  WebhookRequest,
  WebhookResponse,
} from './handler';
export { WebhookError } from './webhook-error';
export { verifyCallback } from './verify-callback';
export type { VerifyCallbackOptions } from './verify-callback';
export { CallbackSignatureError } from './signature-error';
export type {
  ArchiveStatus,
  ArchiveStatusEvent,
  BroadcastStatusEvent,
  CallCreatedEvent,
  CallDestroyedEvent,
  CallUpdatedEvent,
  CaptionsStatusEvent,
  ConnectionCreatedEvent,
  ConnectionDestroyedEvent,
  EventCall,
  EventConnection,
  EventStream,
  EventStreamConnection,
  MuteForcedEvent,
  OpenTokEvent,
  OpenTokEventType,
  RenderStatus,
  RenderStatusEvent,
  SessionCreatedEvent,
  SessionDestroyedEvent,
  StreamCreatedEvent,
  StreamDestroyedEvent,
  UnknownEvent,
  WebhookPayload,
} from './types';
