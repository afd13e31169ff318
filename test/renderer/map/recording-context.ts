/**
 * A stand-in for a canvas's 2D context (and Path2D, which Node lacks) that
 * records what is drawn: each fill and stroke with the rings of the path it
 * drew and the style it was drawn in. A path begun again before it was filled
 * or stroked is recorded as dropped, so a test can tell that nothing drawn was
 * lost on the way.
 */
export interface Drawn {
  op: 'fill' | 'stroke';
  /** Each ring or line of the path: its points in canvas pixels. */
  rings: [number, number][][];
  fillStyle: unknown;
  strokeStyle: unknown;
  alpha: number;
  dash: number[];
}

export class RecordingPath {
  rings: [number, number][][] = [];
  moveTo(x: number, y: number): void {
    this.rings.push([[x, y]]);
  }
  lineTo(x: number, y: number): void {
    this.rings.at(-1)!.push([x, y]);
  }
  closePath(): void {}
  rect(x: number, y: number, w: number, h: number): void {
    this.rings.push([
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ]);
  }
}

export class RecordingContext {
  drawn: Drawn[] = [];
  /** Rings of paths begun again before anything drew them. */
  dropped = 0;
  fillStyle: unknown = '#000';
  strokeStyle: unknown = '#000';
  globalAlpha = 1;
  lineWidth = 1;
  lineJoin = 'miter';
  lineCap = 'butt';
  private path = new RecordingPath();
  private used = true;
  private dash: number[] = [];

  beginPath(): void {
    if (!this.used) this.dropped += this.path.rings.length;
    this.path = new RecordingPath();
    this.used = true;
  }
  moveTo(x: number, y: number): void {
    this.used = false;
    this.path.moveTo(x, y);
  }
  lineTo(x: number, y: number): void {
    this.path.lineTo(x, y);
  }
  closePath(): void {}
  setLineDash(dash: number[]): void {
    this.dash = [...dash];
  }
  fill(path?: RecordingPath | string): void {
    this.record('fill', path instanceof RecordingPath ? path : undefined);
  }
  stroke(path?: RecordingPath): void {
    this.record('stroke', path);
  }

  /** Installs Path2D for the drawing code under test; returns how to take it away again. */
  static installPath2D(): () => void {
    const holder = globalThis as { Path2D?: unknown };
    const before = holder.Path2D;
    holder.Path2D = RecordingPath;
    return () => void (holder.Path2D = before);
  }

  private record(op: Drawn['op'], path?: RecordingPath): void {
    const rings = (path ?? this.path).rings.map((ring) => ring.map(([x, y]) => [x, y] as [number, number]));
    if (!path) this.used = true;
    this.drawn.push({ op, rings, fillStyle: this.fillStyle, strokeStyle: this.strokeStyle, alpha: this.globalAlpha, dash: [...this.dash] });
  }
}

/** The context as the drawing code takes it. */
export const asContext = (recording: RecordingContext) => recording as unknown as CanvasRenderingContext2D;
