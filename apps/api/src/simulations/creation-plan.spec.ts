import { DEFAULT_EMULATION, DomainError, Program } from '@app/domain';
import { newSimulationOf, planBatch, planCreation } from './creation-plan';
import { CreateSimulationDto } from './dto/create-simulation.dto';

const request = (fields: Partial<CreateSimulationDto>) =>
  ({ name: 'run', ...fields }) as CreateSimulationDto;

/** The message a plan is refused with. */
function refusal(plan: () => unknown): string {
  try {
    plan();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error('the plan was accepted');
}

describe('planCreation', () => {
  it('takes the machine from machine_id or machine.machine_id, and its name to register it', () => {
    expect(planCreation(request({ machine_id: 101 }))).toMatchObject({ machineId: 101 });
    expect(
      planCreation(request({ machine: { machine_id: 102, name: 'Machine B' } })),
    ).toMatchObject({ machineId: 102, machineName: 'Machine B' });
  });

  it('refuses a request naming no machine, or two', () => {
    expect(refusal(() => planCreation(request({})))).toBe(
      'machine_id or machine.machine_id is required',
    );
    expect(
      refusal(() => planCreation(request({ machine_id: 1, machine: { machine_id: 2 } }))),
    ).toBe('machine_id (1) and machine.machine_id (2) disagree');
  });

  it('reads the attempt budget under either name, and refuses two that disagree', () => {
    expect(planCreation(request({ machine_id: 1, max_attempts: 4 })).attemptBudget).toBe(4);
    expect(
      planCreation(request({ machine_id: 1, attempt_budget: 5, max_attempts: 5 })).attemptBudget,
    ).toBe(5);
    expect(
      refusal(() => planCreation(request({ machine_id: 1, attempt_budget: 2, max_attempts: 3 }))),
    ).toBe('attempt_budget (2) and max_attempts (3, its deprecated name) disagree');
  });
});

describe('planBatch', () => {
  it('names every problem by index, and an id chosen twice by where it was first', () => {
    expect(
      refusal(() =>
        planBatch([
          request({ machine_id: 1, simulation_id: 7 }),
          request({}),
          request({ machine_id: 1, simulation_id: 7 }),
        ]),
      ),
    ).toBe(
      'simulations[1]: machine_id or machine.machine_id is required; ' +
        "simulations[2]: simulation_id 7 is also simulations[0]'s",
    );
  });
});

describe('newSimulationOf', () => {
  it('is the row the request asked for, its emulation resolved', () => {
    const planned = planCreation(request({ simulation_id: 9, machine_id: 101, attempt_budget: 2 }));
    expect(newSimulationOf(planned)).toEqual({
      simulationId: 9,
      name: 'run',
      machineId: 101,
      attemptBudget: 2,
      emulation: DEFAULT_EMULATION,
      program: 'emulate',
    });
  });

  it('gives an external run one attempt, and refuses more or an emulation for it', () => {
    expect(
      planCreation(request({ machine_id: 101, program: Program.External })).attemptBudget,
    ).toBe(1);
    expect(() =>
      planCreation(request({ machine_id: 101, program: Program.External, attempt_budget: 2 })),
    ).toThrow(/attempt_budget must be 1 for program "external"/);
    expect(() =>
      planCreation(
        request({ machine_id: 101, program: Program.External, emulation: { points: 5 } }),
      ),
    ).toThrow(/emulation applies to program "emulate" only/);
  });
});
