import { InitialSchema1795798800000 } from './1795798800000-InitialSchema';

/** In order. Listed by hand for the same reason as ENTITIES: bundles have no globs. */
export const MIGRATIONS = [InitialSchema1795798800000];
