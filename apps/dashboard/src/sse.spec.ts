import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads events with their name, data and id', () => {
    const parser = new SseParser();
    const events = parser.push(
      'event: status\ndata: {"status":"running"}\n\nid: 1:30\nevent: points\ndata: {"points":[]}\n\n',
    );
    expect(events).toEqual([
      { event: 'status', data: '{"status":"running"}' },
      { event: 'points', data: '{"points":[]}', id: '1:30' },
    ]);
  });

  it('joins an event split across chunks anywhere, CRLF included', () => {
    const parser = new SseParser();
    const text = 'event: end\r\ndata: {"a":1}\r\n\r\n';
    const events = [...text].flatMap((character) => parser.push(character));
    expect(events).toEqual([{ event: 'end', data: '{"a":1}' }]);
  });

  it('joins several data lines, ignores comments and unknown fields, defaults the name', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\nretry: 10\ndata: one\ndata: two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('keeps the last id for later events, as a reconnect would send it', () => {
    const parser = new SseParser();
    parser.push('id: 1:10\nevent: points\ndata: x\n\n');
    expect(parser.push('event: status\ndata: y\n\n')).toEqual([
      { event: 'status', data: 'y', id: '1:10' },
    ]);
  });
});
