namespace OTStandIn {
  /**
   * OpenTok.js's `Publisher`, with a moving test pattern instead of a camera and microphone:
   * `OT.initPublisher(target, properties)` puts it on the page; `session.publish(publisher)` makes
   * it a stream of the session. `publishAudio` and `publishVideo` switch its audio and video (the
   * other browsers see `streamPropertyChanged`); `destroy` removes it.
   */
  export class Publisher
    extends Emitter
    implements Pick<OT.Publisher, 'on' | 'once' | 'off' | 'accessAllowed' | 'element' | 'id' | 'stream'>
  {
    /** True once the (emulated) camera and microphone are "allowed": at once, no dialog. */
    accessAllowed = false;
    /** Its element on the page (none with `insertDefaultUI: false`, or once destroyed). */
    element?: HTMLElement;
    /** The ID of its element. */
    id?: string;
    /** Its stream, while it publishes. */
    stream?: StandInStream;
    /** The session it publishes to, while it does. */
    session?: Session;
    /** The stream name (`properties.name`, default `''`). */
    readonly name: string;
    /** The video type of its stream: `screen` for `videoSource: 'screen'`, else `camera`. */
    readonly videoType: 'camera' | 'screen';
    /** Whether it sends audio / video (`publishAudio`, `publishVideo`; a force-mute turns audio off). */
    audio: boolean;
    video: boolean;
    /** True once destroyed. */
    destroyed = false;
    private readonly pattern: TestPattern;
    private readonly widget: Widget | undefined;

    constructor(target: HTMLElement | string | undefined, properties: OT.PublisherProperties) {
      super();
      this.name = typeof properties.name === 'string' ? properties.name : '';
      this.videoType = properties.videoSource === 'screen' ? 'screen' : 'camera';
      this.audio = properties.publishAudio !== false;
      this.video = properties.publishVideo !== false && properties.videoSource !== null && properties.videoSource !== false;
      this.pattern = new TestPattern(() => ({
        label: this.name || (this.stream ? connectionLabel(this.stream.connection) : 'OpenTok emulator'),
        seed: this.name || (this.stream?.connection.connectionId ?? ''),
        video: this.video,
        audio: this.audio,
      }));
      this.widget = createWidget('publisher', target, properties, this.pattern, this.name);
      this.element = this.widget?.element;
      this.id = this.element?.id ?? newElementId();
    }

    /** Starts or stops sending audio. */
    publishAudio(value: boolean): this {
      this.audio = value !== false;
      if (this.stream && this.session) this.session.updateMedia(this, { hasAudio: this.audio });
      return this;
    }

    /** Starts or stops sending video (the pattern gives way to a "video off" card). */
    publishVideo(value: boolean, callback?: (error?: OT.OTError) => void): this {
      this.video = value !== false;
      if (this.stream && this.session) this.session.updateMedia(this, { hasVideo: this.video });
      if (typeof callback === 'function') setTimeout(() => callback());
      return this;
    }

    /** Stops publishing (if it does), removes the element and dispatches `destroyed`. */
    destroy(): this {
      if (this.destroyed) return this;
      this.destroyed = true;
      this.session?.removePublisher(this, 'reset');
      this.widget?.destroy();
      this.element = undefined;
      this.dispatch(makeEvent('destroyed', this, {}));
      return this;
    }

    /** The current frame of the pattern, base64 PNG data without its `data:` prefix (as OpenTok.js). */
    getImgData(): string | null {
      return this.pattern.canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    }

    /** Its stream ended: `streamDestroyed` (cancelable); unless prevented, the publisher is destroyed. */
    streamEnded(reason: string): void {
      const stream = this.stream;
      this.stream = undefined;
      this.session = undefined;
      if (stream === undefined) return;
      const event = makeEvent('streamDestroyed', this, { stream, reason }, true);
      this.dispatch(event);
      if (!event.isDefaultPrevented()) this.destroy();
    }

    /** A moderator (or the REST API) muted its stream: audio off, then `muteForced`. */
    muteForced(): void {
      this.audio = false;
      this.dispatch(makeEvent('muteForced', this, {}));
    }
  }
}
