namespace OTStandIn {
  /** A connection as the emulator sends it. */
  export interface ConnectionWire {
    readonly id: string;
    readonly creationTime: number;
    readonly data: string;
  }

  /** A stream as the emulator sends it. */
  export interface StreamWire {
    readonly id: string;
    readonly connection: ConnectionWire;
    readonly name: string;
    readonly videoType: 'camera' | 'screen' | 'custom';
    readonly creationTime: number;
    readonly hasAudio: boolean;
    readonly hasVideo: boolean;
  }

  /** OpenTok.js's `Connection`, with its `id` alias (which `forceDisconnect` reads). */
  export type StandInConnection = OT.Connection & { readonly id: string };

  /** OpenTok.js's `Stream`, with its `id` alias. */
  export type StandInStream = OT.Stream & { readonly id: string };

  /** A `Connection` object. */
  export function makeConnection(wire: ConnectionWire): StandInConnection {
    return { id: wire.id, connectionId: wire.id, creationTime: wire.creationTime, data: wire.data };
  }

  /** A `Stream` object, of a connection the session already knows when it does. */
  export function makeStream(wire: StreamWire, connection: StandInConnection | undefined): StandInStream {
    return {
      id: wire.id,
      streamId: wire.id,
      connection: connection ?? makeConnection(wire.connection),
      creationTime: wire.creationTime,
      name: wire.name,
      videoType: wire.videoType,
      hasAudio: wire.hasAudio,
      hasVideo: wire.hasVideo,
      hasCaptions: false,
      initials: '',
      frameRate: 30,
      videoDimensions: { width: 640, height: 480 },
    };
  }
}
