// Records every request an app answers (method, path, status, content type
// and body) so a spec's whole traffic can be held against the OpenAPI document.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Exchange } from './openapi-contract';

/** Bodies longer than this are checked for status and content type only. */
const MAX_KEPT_BODY_BYTES = 512 * 1024;

export class ExchangeRecorder {
  readonly exchanges: Exchange[] = [];

  /** Must run before the app's init(), so it sits in front of every route. */
  attach(app: NestExpressApplication): void {
    app.use((request: Request, response: Response, next: NextFunction) => {
      this.record(request, response);
      next();
    });
  }

  private record(request: Request, response: Response): void {
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      if (truncated) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            String(chunk),
            (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding,
          );
      kept += buffer.length;
      if (kept > MAX_KEPT_BODY_BYTES) {
        truncated = true;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    response.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as Response['end'];

    const path = (request.originalUrl ?? request.url).split('?')[0];
    let recorded = false;
    const finish = () => {
      if (recorded || !response.headersSent) return;
      recorded = true;
      const contentType = response.getHeader('content-type');
      const streamed = String(contentType ?? '').startsWith('text/event-stream');
      this.exchanges.push({
        method: request.method,
        path,
        status: response.statusCode,
        contentType: contentType === undefined ? undefined : String(contentType),
        body:
          truncated || streamed || request.method === 'HEAD'
            ? undefined
            : Buffer.concat(chunks).toString('utf8'),
      });
    };
    response.on('finish', finish);
    // A streamed answer the client walks away from never finishes; its status and type still count.
    response.on('close', finish);
  }
}
