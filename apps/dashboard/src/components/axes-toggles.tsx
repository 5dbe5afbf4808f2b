/** The log/linear switches of a chart of `metric` by seconds. */
export function AxesToggles(props: {
  metric: string;
  logX: boolean;
  logY: boolean;
  onLogX: (log: boolean) => void;
  onLogY: (log: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>Axes</legend>
      <label class="toggle">
        <input
          type="checkbox"
          checked={props.logX}
          onChange={(event) => props.onLogX(event.currentTarget.checked)}
        />
        Log seconds (x)
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          checked={props.logY}
          onChange={(event) => props.onLogY(event.currentTarget.checked)}
        />
        Log {props.metric} (y)
      </label>
    </fieldset>
  );
}
