import { SetMetadata } from '@nestjs/common';

export const STRICT_TOKEN_LIMIT = 'rate-limit:token';

/** Puts a route under the strict per-address budget for credential checks (POST /auth/token). */
export const StrictTokenLimit = () => SetMetadata(STRICT_TOKEN_LIMIT, true);

export const MLFLOW_BUDGETS = 'rate-limit:mlflow';

/**
 * Counts a route's requests in budgets of their own, RATE_LIMIT_MLFLOW_PER_CLIENT_PER_MINUTE
 * per address and per client: MLflow's client sends three requests for every
 * metric a script logs, which the API's own budgets would throttle.
 */
export const MlflowBudgets = () => SetMetadata(MLFLOW_BUDGETS, true);
