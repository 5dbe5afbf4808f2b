/** The API's answers as the dashboard reads them (see /docs for the full document). */
export type SimulationStatus = 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';
export type MachineStatus = 'online' | 'offline' | 'draining';

export const SIMULATION_STATUSES: SimulationStatus[] = [
  'pending',
  'running',
  'finished',
  'failed',
  'cancelled',
];
export const TERMINAL: ReadonlySet<SimulationStatus> = new Set(['finished', 'failed', 'cancelled']);

export interface Simulation {
  simulation_id: number;
  name: string;
  machine_id: number;
  status: SimulationStatus;
  creation_date: string;
  update_date: string;
  attempt: number;
  max_attempts: number;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
  failure_reason?: string;
}

export interface Attempt {
  attempt: number;
  worker_id: string;
  started_at: string;
  ended_at: string | null;
  outcome: string;
  reason: string | null;
}

export interface Emulation {
  points: number;
  span_seconds: number;
  tick_ms: number | null;
  noise: number;
  seed: number;
  decimals: number;
}

export interface SimulationDetail extends Simulation {
  emulation: Emulation;
  machine_status: MachineStatus;
  attempts: Attempt[];
}

export interface Machine {
  machine_id: number;
  name: string;
  status: MachineStatus;
  last_seen_at: string | null;
  capacity: number;
  running: number;
  pending: number;
}

export interface CurvePoint {
  seconds: number;
  loss: number;
  loss_min?: number;
  loss_max?: number;
}

export interface Curve {
  data: CurvePoint[];
  meta: {
    attempt: number;
    status: SimulationStatus;
    total_points: number;
    window_points: number;
    returned_points: number;
    downsampled: boolean;
    buckets: number | null;
    scale: 'log' | 'linear';
    agg: string;
    window: { from: number | null; to: number | null };
  };
}
