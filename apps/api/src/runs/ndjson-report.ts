import { DomainError, summarizeProblems } from '@app/domain';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { isNdjsonReport, MAX_NDJSON_REPORT_POINTS } from '../common/body-limit';

/** A report's body as it came, kept by the parser for its hash (RAW_REPORT on the request). */
export const RAW_REPORT = Symbol('raw report');

/**
 * The body parsers' `verify` hook on the report route: keeps the bytes a
 * report came as. A resent report is recognised by them (a retry sends the
 * same bytes), which costs a SHA-256 of the body instead of re-serialising
 * ten thousand points in a canonical order.
 */
export function keepRawReport(request: IncomingMessage, _response: unknown, body: Buffer): void {
  (request as IncomingMessage & { [RAW_REPORT]?: Buffer })[RAW_REPORT] = body;
}

/** The bytes a report came as; undefined where no report parser read the body. */
export function rawReportOf(request: object): Buffer | undefined {
  return (request as { [RAW_REPORT]?: Buffer })[RAW_REPORT];
}

/** Problems named at most, of a stream's lines. */
const LINES_NAMED = 20;

/**
 * A report sent as NDJSON, made the object a JSON report is: its first line
 * is the report without its points (`{"sequence": 7, "params": {…}}`), each
 * line after it one point. Blank lines are skipped. A line that is not a
 * JSON object is a 400 naming it; the report is then checked as a JSON one
 * is, where `points[k]` is the stream's line k + 2.
 */
export function parseNdjsonReport(request: Request, _response: Response, next: NextFunction): void {
  if (!isNdjsonReport(request) || typeof request.body !== 'string') return next();
  const lines = request.body.split('\n');
  const problems: string[] = [];
  const objects: Array<{ line: number; value: Record<string, unknown> }> = [];
  lines.forEach((text, index) => {
    if (text.trim() === '' || problems.length >= LINES_NAMED) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push(`line ${index + 1} is not JSON`);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      problems.push(`line ${index + 1} must be a JSON object`);
    else objects.push({ line: index + 1, value: value as Record<string, unknown> });
  });
  if (problems.length) return next(DomainError.invalid(summarizeProblems(problems), problems));
  const [header, ...points] = objects;
  if (!header)
    return next(
      DomainError.invalid(
        'the stream is empty: its first line is the report, e.g. {"sequence": 1}',
      ),
    );
  if ('points' in header.value)
    return next(
      DomainError.invalid(
        'line 1 is the report without its points: each point goes on a line of its own',
      ),
    );
  if (points.length > MAX_NDJSON_REPORT_POINTS)
    return next(
      DomainError.invalid(
        `the stream holds ${points.length} points; at most ${MAX_NDJSON_REPORT_POINTS} are accepted in one report`,
      ),
    );
  request.body = { ...header.value, points: points.map(({ value }) => value) };
  next();
}
