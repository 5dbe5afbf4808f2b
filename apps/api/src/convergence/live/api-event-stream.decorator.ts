import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { LAST_EVENT_ID_MAX_LENGTH } from './last-event-id.pipe';

/** What every live route documents alike: resuming with Last-Event-ID, and an event stream back. */
export function ApiEventStream(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Last-Event-ID',
      required: false,
      schema: { type: 'string', maxLength: LAST_EVENT_ID_MAX_LENGTH },
      description: 'The id of the last `points` event received, to resume after it.',
    }),
    ApiOkResponse({
      description: 'An event stream.',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    }),
  );
}
