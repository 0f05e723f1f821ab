// `require('opentok/webhooks')`: typed parsing of the event callbacks the OpenTok service POSTs.
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
export type {
  ArchiveStatus,
  ArchiveStatusEvent,
  BroadcastStatusEvent,
  CaptionsStatusEvent,
  ConnectionCreatedEvent,
  ConnectionDestroyedEvent,
  EventConnection,
  EventStream,
  EventStreamConnection,
  OpenTokEvent,
  OpenTokEventType,
  RenderStatus,
  RenderStatusEvent,
  StreamCreatedEvent,
  StreamDestroyedEvent,
  WebhookPayload,
} from './types';
