import { DomainError } from '../errors/domain-error';
import { resolveField, ResolvedField } from './filter-sql';
import { parseSortField } from './filter-syntax';

/** Columns a list may ask for at once. */
export const MAX_LIST_COLUMNS = 20;

export type RunDataField = Exclude<ResolvedField, { kind: 'attribute' }>;

/** A column asked for: its name as written, and what it reads. */
export interface ListColumn {
  label: string;
  field: RunDataField;
}

/**
 * The params, tags and metric summaries a list shows beside each run, named
 * as a filter names them and separated by commas (no key holds a comma).
 */
export function parseColumns(text: string): ListColumn[] {
  const labels = [...new Set(text.split(',').map((label) => label.trim()))].filter(Boolean);
  if (labels.length === 0) throw DomainError.invalid('columns is empty; leave it out for none');
  if (labels.length > MAX_LIST_COLUMNS)
    throw DomainError.invalid(
      `columns names ${labels.length} fields; at most ${MAX_LIST_COLUMNS} are accepted`,
    );
  return labels.map((label, index) => {
    // Named by position: a message never repeats what was sent.
    const which = `columns[${index + 1}]`;
    const field = resolveField(parseSortField(label, which), which);
    if (field.kind === 'attribute')
      throw DomainError.invalid(
        `${which} is a field every run has already; columns are params.<key>, tags.<key> ` +
          'or metrics.<name>.(last|min|max|count)',
      );
    return { label, field };
  });
}
