import { BadRequestException } from '@nestjs/common';
import { MAX_ID, ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe('simulation_id');

  it.each([
    ['1', 1],
    ['42', 42],
    [String(MAX_ID), MAX_ID],
  ])('accepts %s', (text, id) => {
    expect(pipe.transform(text)).toBe(id);
  });

  it.each([
    '0',
    '-1',
    '01',
    '1.5',
    '1e3',
    'abc',
    '12abc',
    ' 1',
    '',
    String(MAX_ID + 1),
    '99999999999999999999',
  ])('refuses %j naming the parameter', (text) => {
    expect(() => pipe.transform(text)).toThrow(
      new BadRequestException(`simulation_id must be an integer between 1 and ${MAX_ID}`),
    );
  });
});
