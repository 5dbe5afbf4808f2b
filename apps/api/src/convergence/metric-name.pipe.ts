import { DomainError, RUN_KEY_PATTERN, RUN_KEY_RULE } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** A metric's name from the path (percent-encoded there), or a 400 saying what a name is. */
@Injectable()
export class ParseMetricNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!RUN_KEY_PATTERN.test(value))
      throw DomainError.invalid(
        `metric ${JSON.stringify(value.slice(0, 100))} is not a metric name (${RUN_KEY_RULE}); ` +
          'percent-encode it in the path (encodeURIComponent)',
      );
    return value;
  }
}
