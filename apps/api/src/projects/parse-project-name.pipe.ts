import { DomainError, PROJECT_NAME_PATTERN, PROJECT_NAME_RULE } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** A project's name in a path: a 400 saying the rule when it cannot be one. */
@Injectable()
export class ParseProjectNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PROJECT_NAME_PATTERN.test(value))
      throw DomainError.invalid(
        `${JSON.stringify(value.slice(0, 80))} is not a project name (${PROJECT_NAME_RULE})`,
      );
    return value;
  }
}
