export {
  AisimClient,
  type ApiAnswer,
  type ClientOptions,
  type FollowOptions,
  type LiveEvent,
  type LiveState,
} from './client.js';
export { ApiError, ApiUnreachableError, describeError, isUnreachable } from './errors.js';
export type { components, paths } from './schema.generated.js';
