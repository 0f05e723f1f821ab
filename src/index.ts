import { OpenTok as OpenTokConstructor } from './opentok';
import type * as Types from './types';

/** An OpenTok client (the instance type of the constructor). */
type OpenTok = Types.OpenTok;

/**
 * The public types, as `OpenTok.Session`, `OpenTok.ArchiveOptions`, ... Each member has the name it
 * has in types.ts, whose declarations the API documentation shows.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace -- the only way to attach types to an `export =` value
declare namespace OpenTok {
  export type Client = Types.Client;
  export type Options = Types.Options;
  export type Promises = Types.Promises;
  export type ListPage<T> = Types.ListPage<T>;
  export type DoneCallback = Types.DoneCallback;
  export type ResultCallback<T> = Types.ResultCallback<T>;
  export type ListCallback<T> = Types.ListCallback<T>;
  export type ResponseCallback = Types.ResponseCallback;
  export type HttpResponse = Types.HttpResponse;
  export type HttpResponseHeaders = Types.HttpResponseHeaders;
  export type TokenOptions = Types.TokenOptions;
  export type TokenRole = Types.TokenRole;
  export type SessionOptions = Types.SessionOptions;
  export type MediaMode = Types.MediaMode;
  export type ArchiveMode = Types.ArchiveMode;
  export type ArchiveOptions = Types.ArchiveOptions;
  /** The resolutions of a composed archive. */
  export type ArchiveResolution = Types.ArchiveResolution;
  export type ListArchivesOptions = Types.ListArchivesOptions;
  export type OutputMode = Types.OutputMode;
  export type StreamTrackOptions = Types.StreamTrackOptions;
  export type LayoutOptions = Types.LayoutOptions;
  export type LayoutType = Types.LayoutType;
  export type PredefinedLayoutType = Types.PredefinedLayoutType;
  export type ScreenshareLayoutType = Types.ScreenshareLayoutType;
  export type PredefinedLayoutOptions = Types.PredefinedLayoutOptions;
  export type CustomLayoutOptions = Types.CustomLayoutOptions;
  export type ScreenshareLayoutOptions = Types.ScreenshareLayoutOptions;
  export type BroadcastOptions = Types.BroadcastOptions;
  export type BroadcastOutputs = Types.BroadcastOutputs;
  export type BroadcastResolution = Types.BroadcastResolution;
  export type HlsOutput = Types.HlsOutput;
  export type RtmpOutput = Types.RtmpOutput;
  export type ListBroadcastsOptions = Types.ListBroadcastsOptions;
  export type DialOptions = Types.DialOptions;
  export type SignalPayload = Types.SignalPayload;
  export type StreamClassList = Types.StreamClassList;
  export type ForceMuteAllOptions = Types.ForceMuteAllOptions;
  export type ListRendersOptions = Types.ListRendersOptions;
  export type IterateArchivesOptions = Types.IterateArchivesOptions;
  export type IterateBroadcastsOptions = Types.IterateBroadcastsOptions;
  export type IterateRendersOptions = Types.IterateRendersOptions;
  export type Render = Types.Render;
  export type RenderCallback<T> = Types.RenderCallback<T>;
  export type RenderOptions = Types.RenderOptions;
  export type CaptionsOptions = Types.CaptionsOptions;
  export type WebSocketConnectOptions = Types.WebSocketConnectOptions;
  export type WebSocketConnection = Types.WebSocketConnection;
  export type CallbackOptions = Types.CallbackOptions;
  export type Archive = Types.Archive;
  export type ArchiveStatus = Types.ArchiveStatus;
  export type Broadcast = Types.Broadcast;
  export type BroadcastUrls = Types.BroadcastUrls;
  export type Callback = Types.Callback;
  export type Session = Types.Session;
  export type SipCall = Types.SipCall;
  export type SipInterconnect = Types.SipInterconnect;
  export type Stream = Types.Stream;
  export type OpenTokError = Types.OpenTokError;
  export type ArgumentError = Types.ArgumentError;
  export type AuthError = Types.AuthError;
  export type ArchiveError = Types.ArchiveError;
  export type CaptionsError = Types.CaptionsError;
  export type SipError = Types.SipError;
  export type SignalError = Types.SignalError;
  export type ForceDisconnectError = Types.ForceDisconnectError;
  export type CallbackError = Types.CallbackError;
  export type RequestError = Types.RequestError;
  export type NotFoundError = Types.NotFoundError;

  // The names `@types/opentok` 2.14 declares, so that code written against it compiles. Where its
  // declaration and the runtime disagree, these follow the runtime (see the README).
  /** `@types/opentok`'s name for the constructor's options ({@link Options}). */
  export type Env = Types.Env;
  /** A client token, as `generateToken` returns it. */
  export type Token = Types.Token;
  /** A stream ID. */
  export type StreamId = Types.StreamId;
  /** `@types/opentok`'s name for {@link TokenRole}; `publisheronly` is a role too. */
  export type Role = Types.Role;
  /** `@types/opentok`'s name for {@link StreamTrackOptions} (addArchiveStream, addBroadcastStream). */
  export type PatchStream = Types.PatchStream;
  /** `@types/opentok`'s name for {@link SignalPayload}. */
  export type SignalOptions = Types.SignalOptions;
  /** `@types/opentok`'s name for {@link LayoutOptions}, the layout of a composed archive. */
  export type ArchiveLayoutOptions = Types.ArchiveLayoutOptions;
  /** `@types/opentok`'s name for {@link PredefinedLayoutOptions}. */
  export type PredefinedArchiveLayoutOptions = Types.PredefinedArchiveLayoutOptions;
  /** `@types/opentok`'s name for {@link CustomLayoutOptions}. */
  export type CustomArchiveLayoutOptions = Types.CustomArchiveLayoutOptions;
  /** `@types/opentok`'s name for {@link ScreenshareLayoutOptions}. */
  export type ScreenshareArchiveLayoutOptions = Types.ScreenshareArchiveLayoutOptions;
  /** `@types/opentok`'s name for {@link PredefinedLayoutType}, the layout types but `custom`. */
  export type BroadcastLayoutType = Types.BroadcastLayoutType;
  /** `@types/opentok`'s name for {@link PredefinedLayoutOptions}; the type is required. */
  export type BroadcastLayoutOptions = Types.BroadcastLayoutOptions;
  /** `@types/opentok`'s name for {@link CustomLayoutOptions}. */
  export type CustomBroadcastLayoutOptions = Types.CustomBroadcastLayoutOptions;
  /** `@types/opentok`'s name for {@link LayoutOptions}, the layout of a broadcast. */
  export type BroadcastLayout = Types.BroadcastLayout;
  /** `@types/opentok`'s name for {@link RtmpOutput}. */
  export type BroadcastOutputOptionsRtmp = Types.BroadcastOutputOptionsRtmp;
  /** `@types/opentok`'s name for {@link BroadcastOutputs}. */
  export type BroadcastOutputOptions = Types.BroadcastOutputOptions;
  /** `@types/opentok`'s name for {@link BroadcastUrls}, a broadcast's `broadcastUrls`. */
  export type BroadcastUrlsResponse = Types.BroadcastUrlsResponse;
  /** What `stopBroadcast` calls back with: a {@link Broadcast}. */
  export type BroadcastStopResponse = Types.BroadcastStopResponse;
}

/** `require('opentok')`: the OpenTok constructor (callable with or without `new`). */
const OpenTok = OpenTokConstructor;

// `require('opentok')` returns the constructor itself, as opentok 2.x did.
export = OpenTok;
