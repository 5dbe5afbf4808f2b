import { DomainError } from '@app/domain';
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
    let thrown: unknown;
    try {
      pipe.transform(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'invalid',
      message: `simulation_id must be an integer between 1 and ${MAX_ID}`,
    });
  });
});
