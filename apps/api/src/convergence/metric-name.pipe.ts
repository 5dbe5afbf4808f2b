import { DomainError, RUN_KEY_PATTERN, RUN_KEY_RULE } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/**
 * A metric's name from the path (percent-encoded there), or a 400 saying what
 * a name is. The refused text is not echoed: it is whatever a client (or a
 * scanner) put in a URL.
 */
@Injectable()
export class ParseMetricNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!RUN_KEY_PATTERN.test(value))
      throw DomainError.invalid(
        `metric in the path is not a metric name (${RUN_KEY_RULE}); ` +
          'percent-encode it there (encodeURIComponent)',
      );
    return value;
  }
}
