import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';
import { CurveCursor, parseEventId } from './live-curve-stream';

/** Longer than any id a stream sends (`<attempt>:<seconds>`). */
export const LAST_EVENT_ID_MAX_LENGTH = 64;

/** The Last-Event-ID header: absent (null), or an id this stream sent. */
@Injectable()
export class LastEventIdPipe implements PipeTransform<string | undefined, CurveCursor | null> {
  transform(value: string | undefined): CurveCursor | null {
    if (value === undefined) return null;
    const cursor = value.length <= LAST_EVENT_ID_MAX_LENGTH ? parseEventId(value) : null;
    if (!cursor) {
      throw DomainError.invalid(
        'Last-Event-ID must be an id this stream sent: <attempt>:<seconds>',
      );
    }
    return cursor;
  }
}
