// Progress on stderr while the bench runs: one line per step, and a live counter on a terminal.

/** Reports what the bench is doing. */
export class Progress {
  private readonly startedAt = Date.now();
  private lastCounterAt = 0;
  private counterOpen = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  private stamp(): string {
    return `[bench ${((Date.now() - this.startedAt) / 1000).toFixed(1).padStart(6)}s]`;
  }

  /** A step: printed on its own line. */
  step(message: string): void {
    this.closeCounter();
    this.stream.write(`${this.stamp()} ${message}\n`);
  }

  /** A counter: redrawn in place on a terminal, printed at most every 5 s otherwise. */
  counter(message: string): void {
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[K${this.stamp()} ${message}`);
      this.counterOpen = true;
      return;
    }
    if (Date.now() - this.lastCounterAt < 5000) return;
    this.lastCounterAt = Date.now();
    this.stream.write(`${this.stamp()} ${message}\n`);
  }

  private closeCounter(): void {
    if (!this.counterOpen) return;
    this.stream.write('\n');
    this.counterOpen = false;
  }
}
