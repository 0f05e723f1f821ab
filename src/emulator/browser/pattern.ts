namespace OTStandIn {
  /** What a test pattern shows, read on every frame (a stream's audio and video change live). */
  export interface PatternState {
    /** What the name band says. */
    readonly label: string;
    /** What picks the bar order: the same for a stream's publisher and its subscribers. */
    readonly seed: string;
    readonly video: boolean;
    readonly audio: boolean;
  }

  /**
   * The label of an unnamed stream: its connection's data, or the start of its connection ID, so
   * that two unnamed streams can be told apart.
   */
  export function connectionLabel(connection: OT.Connection): string {
    return connection.data || `connection ${connection.connectionId.slice(0, 8)}`;
  }

  /** The canvas size; CSS scales it to the widget. */
  const WIDTH = 320;
  const HEIGHT = 240;
  /** About 15 frames a second: visibly moving, cheap for several widgets on a page. */
  const FRAME_MS = 66;
  /** Colour bars, as a broadcast test card has them. */
  const BARS = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];

  /** A small stable number from a string, so that each stream name gets its own bar order. */
  function hash(text: string): number {
    let value = 0;
    for (let index = 0; index < text.length; index += 1) value = (value * 31 + text.charCodeAt(index)) >>> 0;
    return value;
  }

  /**
   * A moving test pattern drawn on a canvas, in place of a camera: colour bars (their order
   * depends on the stream's name, or its connection for an unnamed one, so that a publisher and
   * its subscribers look alike and two streams do not), a square moving across them and a running clock, both driven by the wall
   * clock (so that a publisher and its subscribers move in step), and a label. Without video it
   * shows a dark card with the name and a moving audio meter.
   */
  export class TestPattern {
    readonly canvas: HTMLCanvasElement;
    private readonly context: CanvasRenderingContext2D | null;
    private timer: number | undefined;

    constructor(private readonly state: () => PatternState) {
      this.canvas = document.createElement('canvas');
      this.canvas.width = WIDTH;
      this.canvas.height = HEIGHT;
      this.canvas.className = 'OT_video-element';
      this.canvas.style.cssText = 'display:block;width:100%;height:100%;object-fit:cover;';
      this.context = this.canvas.getContext('2d');
    }

    /** Starts drawing frames. */
    start(): void {
      if (this.timer !== undefined) return;
      this.draw();
      this.timer = window.setInterval(() => this.draw(), FRAME_MS);
    }

    /** Stops drawing (the widget was removed). */
    stop(): void {
      if (this.timer !== undefined) window.clearInterval(this.timer);
      this.timer = undefined;
    }

    private draw(): void {
      const context = this.context;
      if (context === null) return;
      const { label, seed, video, audio } = this.state();
      // Wall-clock time drives the motion: a publisher and its subscribers move in step.
      const now = new Date();
      const seconds = now.getTime() / 1000;
      if (video) this.drawBars(context, seconds, hash(seed) % BARS.length);
      else this.drawAudioOnly(context, seconds, audio);
      // The clock: its hundredths change on every frame.
      const two = (value: number): string => String(value).padStart(2, '0');
      const clock = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${two(Math.floor(now.getMilliseconds() / 10))}`;
      context.font = 'bold 15px monospace';
      context.textAlign = 'right';
      context.textBaseline = 'top';
      context.fillStyle = '#000';
      context.fillRect(WIDTH - 118, 6, 112, 22);
      context.fillStyle = '#fff';
      context.fillText(clock, WIDTH - 10, 9);
      // The name band.
      context.fillStyle = 'rgba(0, 0, 0, 0.75)';
      context.fillRect(0, HEIGHT - 36, WIDTH, 36);
      context.fillStyle = '#fff';
      context.textAlign = 'left';
      context.textBaseline = 'middle';
      context.font = 'bold 16px sans-serif';
      context.fillText(label, 10, HEIGHT - 18, WIDTH - 70);
      if (!audio) {
        context.textAlign = 'right';
        context.fillStyle = '#ff6b6b';
        context.fillText('muted', WIDTH - 10, HEIGHT - 18);
      }
    }

    private drawBars(context: CanvasRenderingContext2D, seconds: number, offset: number): void {
      const barWidth = WIDTH / BARS.length;
      const barHeight = HEIGHT * 0.68;
      BARS.forEach((_, index) => {
        context.fillStyle = BARS[(index + offset) % BARS.length];
        context.fillRect(Math.floor(index * barWidth), 0, Math.ceil(barWidth), barHeight);
      });
      const gradient = context.createLinearGradient(0, 0, WIDTH, 0);
      gradient.addColorStop(0, '#000');
      gradient.addColorStop(1, '#fff');
      context.fillStyle = gradient;
      context.fillRect(0, barHeight, WIDTH, HEIGHT - barHeight);
      // A square moving on a Lissajous path, and a sweeping line.
      const size = 36;
      const x = (Math.sin(seconds * 1.7) * 0.5 + 0.5) * (WIDTH - size);
      const y = (Math.cos(seconds * 1.1) * 0.5 + 0.5) * (barHeight - size);
      context.fillStyle = '#fff';
      context.fillRect(x, y, size, size);
      context.fillStyle = '#000';
      context.fillRect(x + size / 4, y + size / 4, size / 2, size / 2);
      const sweep = ((seconds * 80) % WIDTH) | 0;
      context.fillStyle = '#f00';
      context.fillRect(sweep, barHeight, 3, HEIGHT - barHeight);
    }

    private drawAudioOnly(context: CanvasRenderingContext2D, seconds: number, audio: boolean): void {
      context.fillStyle = '#1f2933';
      context.fillRect(0, 0, WIDTH, HEIGHT);
      context.fillStyle = '#9aa5b1';
      context.font = '14px sans-serif';
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText('video off', WIDTH / 2, 40);
      for (let bar = 0; bar < 12; bar += 1) {
        const level = audio ? Math.abs(Math.sin(seconds * 3 + bar * 0.7)) : 0.05;
        const height = 8 + level * 90;
        context.fillStyle = audio ? '#3ebd93' : '#52606d';
        context.fillRect(70 + bar * 15, 150 - height, 10, height);
      }
    }
  }
}
