import {
  fromEmulationSettings,
  resolveEmulation,
  DomainError,
  Machine,
  NewSimulation,
  Program,
  PROGRAMS,
  resolveProgramParams,
  RunParams,
  summarizeProblems,
} from '@app/domain';
import { CreateSimulationDto } from './dto/create-simulation.dto';

/** One simulation asked for, checked on its own before anything is written. */
export interface PlannedCreation {
  request: CreateSimulationDto;
  machineId: number;
  machineName?: string;
  attemptBudget?: number;
  /** A declared program's params as checked against it, defaults filled in. */
  params?: RunParams;
}

export function machineNotFound(machineId: number): string {
  return `machine ${machineId} not found; send machine.name to register it`;
}

/** What one request asks for, checked as far as it can be without the database. */
export function planCreation(request: CreateSimulationDto): PlannedCreation {
  const asked = attemptBudgetOf(request);
  const attemptBudget =
    request.program === Program.External ? externalBudget(request, asked) : asked;
  if (isDeclaredProgram(request.program) && request.emulation !== undefined)
    throw DomainError.invalid(
      `emulation applies to program "emulate" only: program "${request.program}" makes its own curves`,
    );
  return { request, ...resolveMachine(request), attemptBudget };
}

/** A program a machine's operator declared, not one every installation has. */
export function isDeclaredProgram(program: string | undefined): program is string {
  return program !== undefined && !(PROGRAMS as readonly string[]).includes(program);
}

/**
 * A planned run of a declared program, checked against what its machine's
 * worker declared: the program there, the params within its bounds. Answers
 * the plan with the params resolved (defaults filled in).
 */
export function checkProgram(planned: PlannedCreation, machine: Machine): PlannedCreation {
  const { program: name, params } = planned.request;
  if (!isDeclaredProgram(name)) return planned;
  const program = machine.programs.find((declared) => declared.name === name);
  if (!program) {
    const offered = [Program.Emulate, ...machine.programs.map((declared) => declared.name)];
    throw DomainError.invalid(
      `program "${name}" is not declared on machine ${machine.machineId} (it runs: ${offered.join(', ')}; GET /machines lists them)`,
    );
  }
  if (program.gpus > machine.gpus)
    throw DomainError.invalid(
      `program "${name}" needs ${program.gpus} GPU(s) a run; machine ${machine.machineId} has ${machine.gpus}`,
    );
  return { ...planned, params: resolveProgramParams(program, params) };
}

/**
 * An external run's budget: one attempt. Its token is bound to that attempt,
 * and no worker could start another; its client retries by hand (POST retry
 * answers a token for the next attempt).
 */
function externalBudget(request: CreateSimulationDto, asked: number | undefined): number {
  if (asked !== undefined && asked !== 1)
    throw DomainError.invalid(
      'attempt_budget must be 1 for program "external": no worker retries an external run; ' +
        'retry it by hand (POST /simulation/{id}/retry answers a token for the next attempt)',
    );
  if (request.emulation !== undefined)
    throw DomainError.invalid(
      'emulation applies to program "emulate" only: an external run reports its own metrics',
    );
  return 1;
}

/**
 * What each simulation of a batch asks for, checked as POST /simulation
 * checks one; every problem is named by index, and ids chosen twice are refused.
 */
export function planBatch(requests: CreateSimulationDto[]): PlannedCreation[] {
  const problems: string[] = [];
  const chosenAt = new Map<number, number>();
  const planned = requests.map((request, index) => {
    try {
      const chosen = request.simulation_id;
      if (chosen !== undefined) {
        const first = chosenAt.get(chosen);
        if (first !== undefined)
          throw DomainError.invalid(`simulation_id ${chosen} is also simulations[${first}]'s`);
        chosenAt.set(chosen, index);
      }
      return planCreation(request);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(`simulations[${index}]: ${error.message}`);
      return undefined;
    }
  });
  if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
  return planned as PlannedCreation[];
}

/** checkProgram for each run of a batch, every problem named by index. */
export function checkBatchPrograms(
  planned: PlannedCreation[],
  machines: Map<number, Machine>,
): PlannedCreation[] {
  const problems: string[] = [];
  const checked = planned.map((plan, index) => {
    try {
      return checkProgram(plan, machines.get(plan.machineId) as Machine);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const problem of error.details ?? [error.message])
        problems.push(`simulations[${index}]: ${problem}`);
      return plan;
    }
  });
  if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
  return checked;
}

/** The row a planned creation becomes. */
export function newSimulationOf({
  request,
  machineId,
  attemptBudget,
  params,
}: PlannedCreation): Omit<NewSimulation, 'createdBy'> {
  return {
    simulationId: request.simulation_id,
    name: request.name,
    machineId,
    attemptBudget,
    emulation: resolveEmulation(fromEmulationSettings(request.emulation ?? {})),
    program: request.program ?? Program.Emulate,
    params: params ?? request.params,
    tags: request.tags,
  };
}

/** attempt_budget, or its deprecated name max_attempts; both given, they must agree. */
function attemptBudgetOf(request: CreateSimulationDto): number | undefined {
  const { attempt_budget: budget, max_attempts: deprecated } = request;
  if (budget !== undefined && deprecated !== undefined && budget !== deprecated) {
    throw DomainError.invalid(
      `attempt_budget (${budget}) and max_attempts (${deprecated}, its deprecated name) disagree`,
    );
  }
  return budget ?? deprecated;
}

function resolveMachine(request: CreateSimulationDto): { machineId: number; machineName?: string } {
  const direct = request.machine_id;
  const nested = request.machine?.machine_id;
  if (direct !== undefined && nested !== undefined && direct !== nested) {
    throw DomainError.invalid(`machine_id (${direct}) and machine.machine_id (${nested}) disagree`);
  }
  const machineId = direct ?? nested;
  if (machineId === undefined)
    throw DomainError.invalid('machine_id or machine.machine_id is required');
  return { machineId, machineName: request.machine?.name };
}
