/**
 * `require('opentok/webhooks')`: typed parsing of the event callbacks the OpenTok service POSTs.
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
