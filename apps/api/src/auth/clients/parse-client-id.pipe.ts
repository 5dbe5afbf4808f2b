import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** Client ids are short and plain; anything else is refused before it reaches a query. */
@Injectable()
export class ParseClientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
      throw DomainError.invalid(
        'client_id must be 1 to 64 letters, digits, dots, underscores or dashes',
      );
    }
    return value;
  }
}
