/** Every body this API accepts is small; anything bigger is refused before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;
