namespace OTStandIn {
  /**
   * OpenTok.js's `Subscriber`: `session.subscribe(stream, target)` puts the remote stream's test
   * pattern (with its name; a dark card when it has no video) on the page.
   */
  export class Subscriber extends Emitter implements Pick<OT.Subscriber, 'on' | 'once' | 'off' | 'element' | 'id' | 'stream'> {
    /** Its element on the page (none with `insertDefaultUI: false`, or once destroyed). */
    element?: HTMLElement;
    /** The ID of its element. */
    id?: string;
    /** The stream it shows. */
    stream?: StandInStream;
    /** The session it belongs to. */
    readonly session: Session;
    private audio: boolean;
    private video: boolean;
    private volume: number;
    private readonly pattern: TestPattern;
    private readonly widget: Widget | undefined;
    private destroyed = false;

    constructor(session: Session, stream: StandInStream, target: HTMLElement | string | undefined, properties: OT.SubscriberProperties) {
      super();
      this.session = session;
      this.stream = stream;
      this.audio = properties.subscribeToAudio !== false;
      this.video = properties.subscribeToVideo !== false;
      this.volume = typeof properties.audioVolume === 'number' ? properties.audioVolume : 50;
      this.pattern = new TestPattern(() => ({
        label: stream.name || connectionLabel(stream.connection),
        seed: stream.name || stream.connection.connectionId,
        video: stream.hasVideo && this.video,
        audio: stream.hasAudio && this.audio,
      }));
      this.widget = createWidget('subscriber', target, properties, this.pattern, stream.name);
      this.element = this.widget?.element;
      this.id = this.element?.id ?? newElementId();
    }

    /** Starts or stops playing the stream's audio. */
    subscribeToAudio(value: boolean): this {
      this.audio = value !== false;
      return this;
    }

    /** Starts or stops showing the stream's video. */
    subscribeToVideo(value: boolean): this {
      this.video = value !== false;
      return this;
    }

    /** The audio volume, 0 to 100. */
    getAudioVolume(): number {
      return this.volume;
    }

    /** Sets the audio volume, 0 to 100. */
    setAudioVolume(value: number): this {
      this.volume = Math.max(0, Math.min(100, Number(value) || 0));
      return this;
    }

    /** Always false: there is no audio to block. */
    isAudioBlocked(): boolean {
      return false;
    }

    /** The current frame of the pattern, base64 PNG data without its `data:` prefix (as OpenTok.js). */
    getImgData(): string | null {
      return this.pattern.canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    }

    /** Removes the element and dispatches `destroyed` with the reason. */
    destroyWith(reason: string): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.widget?.destroy();
      this.element = undefined;
      this.dispatch(makeEvent('destroyed', this, { reason }));
    }
  }
}
