import { RUN_DATA_LIMITS } from '@app/domain';

/** OpenAPI schemas of a run's params, tags and list columns: one home, bounded as the domain bounds them. */
export const PARAM_VALUE_SCHEMA = {
  oneOf: [
    { type: 'number' },
    { type: 'string', maxLength: RUN_DATA_LIMITS.maxParamTextLength },
    { type: 'boolean' },
  ],
};

export const TAG_VALUE_SCHEMA = { type: 'string', maxLength: RUN_DATA_LIMITS.maxTagValueLength };

/** A key of params, tags or metrics. */
export const RUN_KEY_SCHEMA = { type: 'string', maxLength: RUN_DATA_LIMITS.maxKeyLength };

/** A list column's value: null (matching the first alternative alone, as oneOf requires) where a run has none. */
export const COLUMN_VALUE_SCHEMA = {
  oneOf: [
    { type: 'number', nullable: true },
    { type: 'string', maxLength: RUN_DATA_LIMITS.maxTagValueLength },
    { type: 'boolean' },
  ],
};

export const PARAMS_SCHEMA = {
  type: 'object',
  additionalProperties: PARAM_VALUE_SCHEMA,
  maxProperties: RUN_DATA_LIMITS.maxParams,
} as const;

export const TAGS_SCHEMA = {
  type: 'object',
  additionalProperties: TAG_VALUE_SCHEMA,
  maxProperties: RUN_DATA_LIMITS.maxTags,
} as const;
