import { jsonNumber } from '../common/json-number';
import {
  CurveAxis,
  CurvePoint,
  CurveReadRepository,
  DomainError,
  type ProjectVisibility,
} from '@app/domain';
import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { ConvergeQuery, CurveFormat } from './dto/converge.query';

/** Rows read per query: big enough to stream at full speed, small enough to stay constant in memory. */
export const EXPORT_PAGE_SIZE = 10_000;

/**
 * The contract's curve exports `loss`; a named metric exports `value` and
 * the step the run gave (empty in CSV, absent in NDJSON, where it gave none).
 */
const FORMATS = {
  loss: {
    csv: {
      type: 'text/csv; charset=utf-8',
      header: 'seconds,loss\n',
      line: (point: CurvePoint) => `${point.seconds},${point.loss}\n`,
    },
    ndjson: {
      type: 'application/x-ndjson',
      header: '',
      line: (point: CurvePoint) =>
        `{"seconds":${point.seconds},"loss":${JSON.stringify(jsonNumber(point.loss))}}\n`,
    },
  },
  metric: {
    csv: {
      type: 'text/csv; charset=utf-8',
      header: 'seconds,value,step\n',
      line: (point: CurvePoint) => `${point.seconds},${point.loss},${point.step ?? ''}\n`,
    },
    ndjson: {
      type: 'application/x-ndjson',
      header: '',
      line: (point: CurvePoint) =>
        `{"seconds":${point.seconds},"value":${JSON.stringify(jsonNumber(point.loss))}${
          point.step === null || point.step === undefined ? '' : `,"step":${point.step}`
        }}\n`,
    },
  },
} as const;

/**
 * Streams every point of a curve's window, page by page (keyset on seconds),
 * pulling the next page only when the client has taken the last one: memory
 * stays constant whatever the curve's length, and a slow client slows the
 * reads instead of filling buffers.
 */
@Injectable()
export class CurveExport {
  private readonly logger = new Logger(CurveExport.name);

  constructor(private readonly curves: CurveReadRepository) {}

  /**
   * Every point of the query's window of one metric (the contract's `loss`
   * by default), in its export format; sampling parameters are refused. By
   * step (`axis`), the window's from/to are steps: it is the seconds from its
   * first point to its last, as step order is time order in such a series.
   */
  async open(
    simulationId: number,
    query: ConvergeQuery,
    visible: ProjectVisibility,
    metric?: string,
    axis: CurveAxis = 'seconds',
  ): Promise<StreamableFile> {
    const format = query.format as Exclude<CurveFormat, 'json'>;
    const sampling = (['points', 'scale', 'agg'] as const).filter(
      (key) => query[key] !== undefined,
    );
    if (sampling.length) {
      throw DomainError.invalid(
        `${sampling.join(', ')} cannot be combined with format=${format}: exports hold every point`,
      );
    }
    const asked = { from: query.from ?? 0, to: query.to ?? Number.POSITIVE_INFINITY };
    if (asked.from > asked.to) throw DomainError.invalid('from must not be greater than to');
    const window = await (axis === 'step'
      ? this.curves.readableStepWindow(simulationId, asked.from, asked.to, metric, visible)
      : this.curves.readableWindow(simulationId, asked.from, asked.to, metric, visible));
    const { ref } = window;
    // By step, the window's seconds; an empty one is an empty export (from above to).
    const { from, to } =
      axis === 'step' ? { from: window.first?.seconds ?? 1, to: window.last?.seconds ?? 0 } : asked;
    const { type, header, line } = FORMATS[metric === undefined ? 'loss' : 'metric'][format];
    const curves = this.curves;

    async function* chunks(): AsyncGenerator<string> {
      if (header) yield header;
      let after = from;
      let inclusive = true;
      for (;;) {
        const page = await curves.page(ref, after, to, EXPORT_PAGE_SIZE, inclusive);
        if (page.length === 0) return;
        let chunk = '';
        for (const point of page) chunk += line(point);
        yield chunk;
        if (page.length < EXPORT_PAGE_SIZE) return;
        after = page[page.length - 1].seconds;
        inclusive = false;
      }
    }

    const file = new StreamableFile(Readable.from(chunks(), { objectMode: false }), {
      type,
      disposition: `attachment; filename="simulation-${simulationId}-attempt-${ref.attempt}${
        metric === undefined ? '' : `-${fileNamePart(metric)}`
      }.${format === 'csv' ? 'csv' : 'ndjson'}"`,
    });
    // Headers are long gone when a later page fails: cutting the connection is
    // the only honest signal left (a truncated download, not a silent one).
    file.setErrorHandler((error, response) => {
      this.logger.warn(`export of simulation ${simulationId} failed: ${error.message}`);
      response.destroy?.();
    });
    return file;
  }
}

/** A metric's name as a file name may hold it: anything but letters, digits, `-`, `_` and `.` becomes `_`. */
function fileNamePart(metric: string): string {
  return metric.replace(/[^A-Za-z0-9._-]/g, '_');
}
