import { StringDecoder } from 'node:string_decoder';

export interface OutputLine {
  text: string;
  /** The line went on past the limit: `text` is its start, the rest was dropped. */
  cut: boolean;
}

/**
 * Splits a program's output into lines without ever holding more than one
 * line's limit of it: a longer line is passed on cut at the limit (UTF-8
 * kept whole) and the rest of it, up to its newline, dropped unread.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private dropping = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: OutputLine) => void,
  ) {}

  write(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline;
      if (!this.dropping) this.take(chunk.subarray(start, end));
      if (newline < 0) return;
      if (this.dropping) this.dropping = false;
      else this.emit(false);
      start = newline + 1;
    }
  }

  /** The last line, when the output ended without a newline. */
  end(): void {
    if (!this.dropping && this.pendingBytes > 0) this.emit(false);
    this.dropping = false;
  }

  private take(part: Buffer): void {
    const room = this.maxLineBytes - this.pendingBytes;
    if (part.length <= room) {
      if (part.length) this.pending.push(part);
      this.pendingBytes += part.length;
      return;
    }
    this.pending.push(part.subarray(0, room));
    this.pendingBytes += room;
    this.emit(true);
    this.dropping = true;
  }

  private emit(cut: boolean): void {
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    // A cut may split a character; the decoder holds its first bytes back, and they are dropped.
    let text = this.decoder.write(bytes);
    this.decoder.end();
    if (text.endsWith('\r')) text = text.slice(0, -1);
    this.onLine({ text, cut });
  }
}
