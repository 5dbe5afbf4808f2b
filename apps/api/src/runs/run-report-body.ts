import {
  DomainError,
  type ReportedPoint,
  RUN_KEY_PATTERN,
  RUN_KEY_RULE,
  runDataProblems,
  type RunParams,
  type RunTags,
  summarizeProblems,
} from '@app/domain';
import { numberFromJson } from '../common/json-number';

/** Points one JSON report may hold (its body is bounded too: JSON_BODY_LIMIT_BYTES). */
export const MAX_REPORT_POINTS = 10_000;

/** A report as its client sent it, checked: what RunReportRepository.report stores. */
export interface CheckedReport {
  sequence: number;
  points: ReportedPoint[];
  params?: RunParams;
  tags?: RunTags;
  /** A point not after its metric's last is placed just after it (RunReport.latePointsFollow). */
  latePointsFollow?: boolean;
}

const POINT_KEYS = new Set(['metric', 'value', 'seconds', 'step']);
const REPORT_KEYS = new Set(['sequence', 'points', 'params', 'tags']);

/**
 * The report in `body`, or a 400 naming each problem (`points[3].value: …`).
 * Hand-written rather than class-validator: a report holds up to ten
 * thousand points, and each problem must name its point.
 */
export function checkReport(body: unknown, maxPoints = MAX_REPORT_POINTS): CheckedReport {
  const problems: string[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw DomainError.invalid('the body must be a JSON object: {"sequence": …, "points": […]}');
  const report = body as Record<string, unknown>;
  for (const key of Object.keys(report))
    if (!REPORT_KEYS.has(key))
      problems.push(`${JSON.stringify(key.slice(0, 100))} is not a field of a report`);
  const sequence = report.sequence;
  if (!Number.isSafeInteger(sequence) || (sequence as number) < 0)
    problems.push(
      'sequence must be a whole number ≥ 0 that numbers this report among the run’s reports',
    );
  const points = report.points ?? [];
  if (!Array.isArray(points)) problems.push('points must be an array');
  else if (points.length > maxPoints)
    problems.push(
      `points holds ${points.length} points; at most ${maxPoints} are accepted in one report` +
        (maxPoints === MAX_REPORT_POINTS ? ' (send more as an NDJSON stream)' : ''),
    );
  else points.forEach((point, index) => pointProblems(point, index, problems));
  problems.push(...runDataProblems(report.params, report.tags));
  if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
  return {
    sequence: sequence as number,
    // A value given by name ("NaN", "Infinity") becomes its number; the others are kept as parsed.
    points: (points as Array<ReportedPoint & { value: unknown }>).map((point) =>
      typeof point.value === 'number' ? point : { ...point, value: numberFromJson(point.value)! },
    ),
    ...(report.params !== undefined && { params: report.params as RunParams }),
    ...(report.tags !== undefined && { tags: report.tags as RunTags }),
  };
}

/** Adds the problems of the point at `index` to `problems`; its name is written only for one. */
function pointProblems(point: unknown, index: number, problems: string[]): void {
  const at = () => `points[${index}]`;
  if (point === null || typeof point !== 'object' || Array.isArray(point)) {
    problems.push(`${at()} must be an object: {"metric": "loss", "value": 0.5, "step": 10}`);
    return;
  }
  const { metric, value, seconds, step } = point as Record<string, unknown>;
  for (const key in point)
    if (!POINT_KEYS.has(key))
      problems.push(`${at()}: ${JSON.stringify(key.slice(0, 100))} is not a field of a point`);
  if (typeof metric !== 'string' || !RUN_KEY_PATTERN.test(metric))
    problems.push(`${at()}.metric must be a metric name (${RUN_KEY_RULE})`);
  if (numberFromJson(value) === undefined)
    problems.push(`${at()}.value must be a number, or "NaN", "Infinity" or "-Infinity"`);
  if (
    seconds !== undefined &&
    (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)
  )
    problems.push(`${at()}.seconds must be a number > 0 (seconds since the run started)`);
  if (step !== undefined && (!Number.isSafeInteger(step) || (step as number) < 0))
    problems.push(`${at()}.step must be a whole number ≥ 0`);
}
