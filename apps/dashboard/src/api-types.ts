/**
 * The API's answers as the dashboard names them. The types themselves are
 * the TypeScript client's (clients/typescript), generated from the OpenAPI
 * document by `npm run generate:api-types`; an e2e spec fails when they are stale.
 */
import type { components } from '@aisimulation/client';

type Schemas = components['schemas'];

export type Simulation = Schemas['SimulationResponse'];
export type SimulationDetail = Schemas['SimulationDetailResponse'];
export type Attempt = Schemas['SimulationAttemptResponse'];
export type Emulation = Schemas['EmulationResponse'];
export type Machine = Schemas['MachineResponse'];
export type Curve = Schemas['ConvergenceResponse'];
export type CurvePoint = Schemas['ConvergencePointResponse'];
export type MetricCurve = Schemas['MetricCurveResponse'];
export type MetricPoint = Schemas['MetricPointResponse'];
export type RunMetric = Schemas['RunMetricResponse'];
export type Compare = Schemas['CompareResponse'];
export type RunLogs = Schemas['RunLogsResponse'];
export type RunLogLine = Schemas['RunLogLineResponse'];
export type Program = Schemas['ProgramResponse'];
export type Project = Schemas['ProjectResponse'];

export type SimulationStatus = Simulation['status'];
export type MachineStatus = Machine['status'];

/**
 * Whether each status is final. One entry per status the document lists, no
 * more and no fewer, so a status added to or dropped from the API breaks the
 * dashboard's type check here rather than going unseen.
 */
const IS_TERMINAL: Record<SimulationStatus, boolean> = {
  pending: false,
  running: false,
  finished: true,
  failed: true,
  cancelled: true,
};

/** Every status, in the order the filter lists them. */
export const SIMULATION_STATUSES = Object.keys(IS_TERMINAL) as SimulationStatus[];
export const TERMINAL: ReadonlySet<SimulationStatus> = new Set(
  SIMULATION_STATUSES.filter((status) => IS_TERMINAL[status]),
);
