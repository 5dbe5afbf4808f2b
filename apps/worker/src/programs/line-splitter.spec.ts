import { LineSplitter, OutputLine } from './line-splitter';

const split = (chunks: Array<string | Buffer>, maxLineBytes = 8): OutputLine[] => {
  const lines: OutputLine[] = [];
  const splitter = new LineSplitter(maxLineBytes, (line) => lines.push(line));
  for (const chunk of chunks) splitter.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  splitter.end();
  return lines;
};

describe('LineSplitter', () => {
  it('splits lines across chunks, and passes on the last one without a newline', () => {
    expect(split(['ab', 'c\nde\r\n', '\nf'])).toEqual([
      { text: 'abc', cut: false },
      { text: 'de', cut: false },
      { text: '', cut: false },
      { text: 'f', cut: false },
    ]);
  });

  it('cuts a long line at the limit and drops the rest of it up to its newline', () => {
    expect(split(['0123456789', 'abcdef\nnext\n', '12345678\n'])).toEqual([
      { text: '01234567', cut: true },
      { text: 'next', cut: false },
      { text: '12345678', cut: false },
    ]);
  });

  it('never splits a character: a cut inside one drops its first bytes', () => {
    // "é" is two bytes; the limit falls between them.
    expect(split(['abcdefgé\n'])).toEqual([{ text: 'abcdefg', cut: true }]);
    expect(split([Buffer.from('é\n').subarray(0, 1), Buffer.from('é\n').subarray(1)])).toEqual([
      { text: 'é', cut: false },
    ]);
  });

  it('holds no more than a line of a flood', () => {
    const lines: OutputLine[] = [];
    const splitter = new LineSplitter(16, (line) => lines.push(line));
    const megabyte = Buffer.alloc(2 ** 20, 'x');
    for (let i = 0; i < 20; i++) splitter.write(megabyte);
    splitter.write(Buffer.from('\nafter\n'));
    expect(lines).toEqual([
      { text: 'x'.repeat(16), cut: true },
      { text: 'after', cut: false },
    ]);
    expect((splitter as unknown as { pendingBytes: number }).pendingBytes).toBe(0);
  });
});
