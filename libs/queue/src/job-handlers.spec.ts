import { checkJobHandlers } from './job-handlers';
import { SimulationJobName } from './queue.constants';

describe('checkJobHandlers', () => {
  const handle = async () => undefined;

  it('accepts one handler for every job name', () => {
    expect(() => checkJobHandlers({ [SimulationJobName.Run]: handle })).not.toThrow();
  });

  it('refuses a job name without a handler, and a handler for no job', () => {
    expect(() => checkJobHandlers({})).toThrow('no handler for job "run"');
    expect(() => checkJobHandlers({ [SimulationJobName.Run]: handle, sweep: handle })).toThrow(
      'a handler for "sweep", which is no job name',
    );
    expect(() => checkJobHandlers({ [SimulationJobName.Run]: 'not a function' })).toThrow(
      'no handler for job "run"',
    );
  });
});
