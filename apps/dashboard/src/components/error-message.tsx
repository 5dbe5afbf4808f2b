import { describeError, isUnreachable } from '@aisimulation/client';

/**
 * A failure in words (the API's own, which name the problem: a role too low,
 * another operator's run, an impossible cancel), announced to screen readers.
 */
export function ErrorMessage({ error, action }: { error: unknown; action?: string }) {
  if (!error) return null;
  return (
    <p
      class={isUnreachable(error) ? 'message message-offline' : 'message message-error'}
      role="alert"
    >
      {action ? `${action}: ` : ''}
      {describeError(error)}
    </p>
  );
}
