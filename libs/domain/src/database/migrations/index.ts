import { InitialSchema1795798800000 } from './1795798800000-InitialSchema';
import { RunLifecycle1795802400000 } from './1795802400000-RunLifecycle';
import { MachineRegistry1795806000000 } from './1795806000000-MachineRegistry';
import { CurvesAtScale1795809600000 } from './1795809600000-CurvesAtScale';
import { ApiClients1795813200000 } from './1795813200000-ApiClients';
import { PendingByCreator1795816800000 } from './1795816800000-PendingByCreator';
import { ActiveByStatus1795820400000 } from './1795820400000-ActiveByStatus';
import { FinalAttempt1795824000000 } from './1795824000000-FinalAttempt';
import { WideSimulationIds1795827600000 } from './1795827600000-WideSimulationIds';
import { ListIndexes1795831200000 } from './1795831200000-ListIndexes';
import { PartitionedCurves1795834800000 } from './1795834800000-PartitionedCurves';
import { PlannerSettings1795838400000 } from './1795838400000-PlannerSettings';
import { PendingCapCheck1795842000000 } from './1795842000000-PendingCapCheck';
import { RunParamsTagsMetrics1795845600000 } from './1795845600000-RunParamsTagsMetrics';
import { RunDataStatistics1795849200000 } from './1795849200000-RunDataStatistics';
import { NamedMetrics1795852800000 } from './1795852800000-NamedMetrics';
import { RunReports1795856400000 } from './1795856400000-RunReports';
import { StepAxis1795860000000 } from './1795860000000-StepAxis';
import { RunDataInCreationOrder1795863600000 } from './1795863600000-RunDataInCreationOrder';
import { RandomPageCost1795867200000 } from './1795867200000-RandomPageCost';
import { Programs1795870800000 } from './1795870800000-Programs';
import { WorkerReportSequences1795874400000 } from './1795874400000-WorkerReportSequences';
import { Experiments1795878000000 } from './1795878000000-Experiments';
import { Projects1795881600000 } from './1795881600000-Projects';

/** In order. Listed by hand for the same reason as ENTITIES: bundles have no globs. */
export const MIGRATIONS = [
  InitialSchema1795798800000,
  RunLifecycle1795802400000,
  MachineRegistry1795806000000,
  CurvesAtScale1795809600000,
  ApiClients1795813200000,
  PendingByCreator1795816800000,
  ActiveByStatus1795820400000,
  FinalAttempt1795824000000,
  WideSimulationIds1795827600000,
  ListIndexes1795831200000,
  PartitionedCurves1795834800000,
  PlannerSettings1795838400000,
  PendingCapCheck1795842000000,
  RunParamsTagsMetrics1795845600000,
  RunDataStatistics1795849200000,
  NamedMetrics1795852800000,
  RunReports1795856400000,
  StepAxis1795860000000,
  RunDataInCreationOrder1795863600000,
  RandomPageCost1795867200000,
  Programs1795870800000,
  WorkerReportSequences1795874400000,
  Experiments1795878000000,
  Projects1795881600000,
];
