import { SetMetadata } from '@nestjs/common';

export const STRICT_TOKEN_LIMIT = 'rate-limit:token';

/** Puts a route under the strict per-address budget for credential checks (POST /auth/token). */
export const StrictTokenLimit = () => SetMetadata(STRICT_TOKEN_LIMIT, true);
