import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** The Idempotency-Key header: absent, or 1 to 255 printable ASCII characters without spaces. */
@Injectable()
export class IdempotencyKeyPipe implements PipeTransform<string | undefined, string | undefined> {
  transform(key: string | undefined): string | undefined {
    if (key === undefined) return undefined;
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw DomainError.invalid(
        'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces',
      );
    }
    return key;
  }
}
