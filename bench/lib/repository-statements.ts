import { CurveReadRepository, MachineRepository, SimulationRepository } from '@app/domain';

/**
 * The repositories' own statements that the baselines run, handed to them in
 * the environment (BENCH_STATEMENTS): both sides run the same SQL, and the
 * baselines load none of the domain's modules (nor Nest's, nor TypeORM's).
 */
export function repositoryStatements(): Record<string, string> {
  return {
    simulationById: SimulationRepository.statements.findById,
    attemptsOf: SimulationRepository.statements.listAttempts,
    machineStatus: MachineRepository.statements.status,
    curveCurrent: CurveReadRepository.statements.current,
    curveWindow: CurveReadRepository.statements.window,
    curvePageFrom: CurveReadRepository.statements.pageValuesFrom,
  };
}
