// Every public type of the package, re-exported under the `OpenTok` namespace by index.ts.
export type { OpenTokOptions } from './config';
export type { OpenTokClient, OpenTokConstructor, DoneCallback, ResultCallback, ListCallback, ResponseCallback } from './opentok';
export type { OpenTokPromises, ListPage } from './promises';
export type { HttpResponse, HttpResponseHeaders } from './http/types';
export type { TokenOptions, TokenRole } from './tokens/token-options';
export type { ArchiveMode, MediaMode, SessionOptions } from './sessions/create-session';
export type { ArchiveOptions, ArchiveResolution, ListArchivesOptions, OutputMode } from './archives/archives';
export type { StreamTrackOptions } from './archives/archive-streams';
export type {
  CustomLayoutOptions,
  LayoutOptions,
  LayoutType,
  PredefinedLayoutOptions,
  PredefinedLayoutType,
  ScreenshareLayoutOptions,
  ScreenshareLayoutType,
} from './layouts/set-layout';
export type {
  BroadcastOptions,
  BroadcastOutputs,
  BroadcastResolution,
  HlsOutput,
  ListBroadcastsOptions,
  RtmpOutput,
} from './broadcasts/broadcasts';
export type { DialOptions } from './sip/dial';
export type { SignalPayload } from './signaling/signal';
export type { StreamClassList } from './streams/streams';
export type { ForceMuteAllOptions } from './moderation/force-mute';
export type { ListRendersOptions, Render, RenderCallback, RenderOptions } from './renders/renders';
export type { CaptionsOptions } from './captions/captions';
export type { WebSocketConnectOptions, WebSocketConnection } from './audio-connector/websocket-connect';
export type { CallbackOptions } from './callbacks/callbacks';
export type { Archive, ArchiveStatus } from './models/archive';
export type { Broadcast, BroadcastUrls } from './models/broadcast';
export type { Callback } from './models/callback';
export type { Session } from './models/session';
export type { SipCall } from './models/sip-call';
export type { Stream } from './models/stream';
export type {
  OpenTokError,
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
} from './errors';
