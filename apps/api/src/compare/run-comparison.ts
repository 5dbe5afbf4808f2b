import {
  DomainError,
  LOSS_METRIC,
  RunDataRepository,
  RunParams,
  SimulationRepository,
  type ProjectVisibility,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { CurveSampler } from '../convergence/curve-sampler';
import { toMetricPoint } from '../convergence/curve-shapes';
import { toRunMetricResponse } from '../simulations/dto/simulation.response';
import { CompareQuery, DEFAULT_COMPARE_POINTS, MAX_COMPARED_RUNS } from './compare.query';
import { ComparedCurveResponse, CompareResponse } from './compare.response';

/** Curves sampled at once: a comparison never holds more of the pool than this. */
const CURVES_AT_ONCE = 4;

/**
 * Several runs side by side: their params (which differ, which are shared),
 * their metric summaries, and one metric of each sampled to the same number
 * of points for an overlay. Reads are batched across runs (one statement per
 * kind); each curve is sampled as GET /converge/{id} samples it.
 */
@Injectable()
export class RunComparison {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly runData: RunDataRepository,
    private readonly sampler: CurveSampler,
  ) {}

  async compare(query: CompareQuery, visible: ProjectVisibility): Promise<CompareResponse> {
    const ids = comparedIds(query.ids);
    // A run in a project the caller does not see is named among the missing, as if it were.
    const found = new Map(
      (await this.simulations.findByIds(ids))
        .filter((simulation) => visible(simulation.projectId))
        .map((simulation) => [simulation.simulationId, simulation]),
    );
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length)
      throw DomainError.notFound(
        `${missing.length === 1 ? 'simulation' : 'simulations'} ${missing.join(', ')} not found`,
      );
    const [data, metrics, curves] = await Promise.all([
      this.runData.paramsAndTagsOfMany(ids),
      this.runData.currentMetricsOfMany(ids),
      this.curves(ids, query, visible),
    ]);
    const runs = ids.map((id) => {
      const simulation = found.get(id)!;
      return {
        simulation_id: id,
        name: simulation.name,
        status: simulation.status,
        machine_id: simulation.machineId,
        params: data.get(id)!.params,
        tags: data.get(id)!.tags,
        metrics: metrics.get(id)!.map(toRunMetricResponse),
      };
    });
    return {
      metric: query.metric ?? 'loss',
      runs,
      params: compareParams(runs.map((run) => run.params)),
      curves,
    };
  }

  private async curves(
    ids: number[],
    query: CompareQuery,
    visible: ProjectVisibility,
  ): Promise<ComparedCurveResponse[]> {
    const curves: ComparedCurveResponse[] = new Array(ids.length);
    let next = 0;
    const sampleNext = async () => {
      while (next < ids.length) {
        const index = next++;
        curves[index] = await this.curve(ids[index], query, visible);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CURVES_AT_ONCE, ids.length) }, sampleNext));
    return curves;
  }

  private async curve(
    id: number,
    query: CompareQuery,
    visible: ProjectVisibility,
  ): Promise<ComparedCurveResponse> {
    try {
      const { data, meta } = await this.sampler.sample(
        id,
        {
          points: query.points ?? DEFAULT_COMPARE_POINTS,
          scale: query.scale ?? 'log',
          agg: 'last',
        },
        visible,
        query.metric ?? LOSS_METRIC.name,
      );
      return {
        simulation_id: id,
        data: data.map(toMetricPoint),
        total_points: meta.total_points,
        downsampled: meta.downsampled,
      };
    } catch (error) {
      // A curve retention removed, or a metric a run never reported, is part of the answer.
      const empty = { simulation_id: id, data: [], total_points: 0, downsampled: false };
      if (error instanceof DomainError && error.code === 'gone') return { ...empty, expired: true };
      if (error instanceof DomainError && error.code === 'not_found')
        return { ...empty, reported: false };
      throw error;
    }
  }
}

/** The ids asked for, each once, in the order given; a 400 when they are too many. */
function comparedIds(text: string): number[] {
  const ids = [...new Set(text.split(',').map(Number))];
  const unsafe = ids.find((id) => !Number.isSafeInteger(id) || id < 1);
  if (unsafe !== undefined)
    throw DomainError.invalid(`ids: ${unsafe} is not a simulation id (1 to 2^53-1)`);
  if (ids.length > MAX_COMPARED_RUNS)
    throw DomainError.invalid(
      `ids names ${ids.length} simulations; at most ${MAX_COMPARED_RUNS} are compared at once`,
    );
  return ids;
}

/** Which params differ between the runs, and the value of those every run shares. */
function compareParams(all: RunParams[]): { differing: string[]; shared: RunParams } {
  const keys = [...new Set(all.flatMap((params) => Object.keys(params)))].sort();
  const differing: string[] = [];
  const shared: RunParams = {};
  for (const key of keys) {
    const first = all[0][key];
    if (all.every((params) => key in params && params[key] === first)) shared[key] = first;
    else differing.push(key);
  }
  return { differing, shared };
}
