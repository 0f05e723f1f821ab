/**
 * The OpenTok server SDK: create sessions, mint client tokens, and drive archives, broadcasts,
 * SIP calls, signaling, moderation, renders and captions through the OpenTok REST API.
 *
 * `require('opentok')` (or `import OpenTok from 'opentok'`) returns the {@link OpenTok}
 * constructor. Every type of this page is also a member of its namespace, under the same name:
 * `OpenTok.Archive`, `OpenTok.SessionOptions`, `OpenTok.NotFoundError`, ... The error classes
 * and the `Session` and `SipCall` classes are static properties of the constructor too
 * (`err instanceof OpenTok.NotFoundError`).
 *
 * ```ts
 * import OpenTok = require('opentok'); // or: import OpenTok from 'opentok';
 *
 * const opentok = new OpenTok('your-api-key', 'your-api-secret');
 * opentok.createSession({ mediaMode: 'routed' }, (err, session: OpenTok.Session) => {
 *   if (err) throw err;
 *   const token = opentok.generateToken(session.sessionId, { role: 'publisher' });
 * });
 * ```
 *
 * The local emulator is documented under `opentok/emulator`, and the parsing of the service's event
 * callbacks under `opentok/webhooks`.
 *
 * @module opentok
 */

// This file names every public type once, under the name the `OpenTok` namespace of index.ts
// gives it, so that the API documentation (whose `opentok` page is built from this file) shows
// each declaration where a user looks it up. The classes a user reaches as values (the client, as
// the constructor's instances, and the constructor's statics) are exported as values, so that the
// documentation shows them as classes; nothing loads this file at run time. The names only
// `@types/opentok` 2.14 used are aliases declared here.

import type { OpenTokOptions } from './config';
import type { LayoutOptions, PredefinedLayoutOptions, CustomLayoutOptions, ScreenshareLayoutOptions } from './layouts/set-layout';
import type { PredefinedLayoutType } from './layouts/set-layout';
import type { StreamTrackOptions } from './archives/archive-streams';
import type { SignalPayload } from './signaling/signal';
import type { TokenRole } from './tokens/token-options';
import type { RtmpOutput, BroadcastOutputs } from './broadcasts/broadcasts';
import type { Broadcast, BroadcastUrls } from './models/broadcast';
import type { OpenTokClient } from './opentok';

export { OpenTokClient as OpenTok } from './opentok';
export type { DoneCallback, ResultCallback, ListCallback, ResponseCallback } from './opentok';
export type { OpenTokPromises as Promises, ListPage } from './promises';
export type { OpenTokOptions as Options } from './config';
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
export type { IterateArchivesOptions, IterateBroadcastsOptions, IterateRendersOptions } from './pagination/iterate';
export type { CaptionsOptions } from './captions/captions';
export type { WebSocketConnectOptions, WebSocketConnection } from './audio-connector/websocket-connect';
export type { CallbackOptions } from './callbacks/callbacks';
export type { Archive, ArchiveStatus } from './models/archive';
export type { Broadcast, BroadcastUrls } from './models/broadcast';
export type { Callback } from './models/callback';
export { Session } from './models/session';
export { SipCall, SipCall as SipInterconnect } from './models/sip-call';
export type { Stream } from './models/stream';
export type { OpenTokError } from './errors';
export {
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

/** The type of an OpenTok client, the same as {@link OpenTok}: `OpenTok.Client`. */
export type Client = OpenTokClient;

/** `@types/opentok`'s name for {@link Options}, the constructor's options. */
export type Env = OpenTokOptions;
/** A client token, as {@link OpenTok.generateToken} returns it. */
export type Token = string;
/** A stream ID. */
export type StreamId = string;
/** `@types/opentok`'s name for {@link TokenRole}; `publisheronly` is a role too. */
export type Role = TokenRole;
/** `@types/opentok`'s name for {@link StreamTrackOptions} (addArchiveStream, addBroadcastStream). */
export type PatchStream = StreamTrackOptions;
/** `@types/opentok`'s name for {@link SignalPayload}. */
export type SignalOptions = SignalPayload;
/** `@types/opentok`'s name for {@link LayoutOptions}, the layout of a composed archive. */
export type ArchiveLayoutOptions = LayoutOptions;
/** `@types/opentok`'s name for {@link PredefinedLayoutOptions}. */
export type PredefinedArchiveLayoutOptions = PredefinedLayoutOptions;
/** `@types/opentok`'s name for {@link CustomLayoutOptions}. */
export type CustomArchiveLayoutOptions = CustomLayoutOptions;
/** `@types/opentok`'s name for {@link ScreenshareLayoutOptions}. */
export type ScreenshareArchiveLayoutOptions = ScreenshareLayoutOptions;
/** `@types/opentok`'s name for {@link PredefinedLayoutType}, the layout types but `custom`. */
export type BroadcastLayoutType = PredefinedLayoutType;
/** `@types/opentok`'s name for {@link PredefinedLayoutOptions}; the type is required. */
export type BroadcastLayoutOptions = PredefinedLayoutOptions;
/** `@types/opentok`'s name for {@link CustomLayoutOptions}. */
export type CustomBroadcastLayoutOptions = CustomLayoutOptions;
/** `@types/opentok`'s name for {@link LayoutOptions}, the layout of a broadcast. */
export type BroadcastLayout = LayoutOptions;
/** `@types/opentok`'s name for {@link RtmpOutput}. */
export type BroadcastOutputOptionsRtmp = RtmpOutput;
/** `@types/opentok`'s name for {@link BroadcastOutputs}. */
export type BroadcastOutputOptions = BroadcastOutputs;
/** `@types/opentok`'s name for {@link BroadcastUrls}, a broadcast's `broadcastUrls`. */
export type BroadcastUrlsResponse = BroadcastUrls;
/** What `stopBroadcast` calls back with: a {@link Broadcast}. */
export type BroadcastStopResponse = Broadcast;
