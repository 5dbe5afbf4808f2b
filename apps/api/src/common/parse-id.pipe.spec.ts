import { DomainError } from '@app/domain';
import { MAX_MACHINE_ID, MAX_SIMULATION_ID, ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe('simulation_id');

  it.each([
    ['1', 1],
    ['42', 42],
    [String(MAX_SIMULATION_ID), MAX_SIMULATION_ID],
    ['9007199254740991', 9_007_199_254_740_991],
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
    String(MAX_SIMULATION_ID + 1),
    '10000000000000000',
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
      message: `simulation_id must be an integer between 1 and ${MAX_SIMULATION_ID}`,
    });
  });

  it('keeps machine ids to 32 bits', () => {
    const machines = new ParseIdPipe('machine_id');
    expect(machines.transform(String(MAX_MACHINE_ID))).toBe(MAX_MACHINE_ID);
    expect(() => machines.transform(String(MAX_MACHINE_ID + 1))).toThrow(
      `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}`,
    );
  });
});
