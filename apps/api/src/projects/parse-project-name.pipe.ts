import { DomainError, PROJECT_NAME_PATTERN, PROJECT_NAME_RULE } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** A project's name in a path: a 400 saying the rule when it cannot be one (the text is not echoed back). */
@Injectable()
export class ParseProjectNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PROJECT_NAME_PATTERN.test(value))
      throw DomainError.invalid(`a project's name is ${PROJECT_NAME_RULE}`);
    return value;
  }
}
