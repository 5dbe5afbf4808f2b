/** Chooses which of a run's (or runs') named metrics a chart shows. */
export function MetricPicker(props: {
  id: string;
  metric: string;
  metrics: readonly string[];
  onPick: (metric: string) => void;
}) {
  return (
    <div class="metric-picker">
      <label for={props.id}>Metric</label>
      <select
        id={props.id}
        name="metric"
        value={props.metric}
        onChange={(event) => props.onPick(event.currentTarget.value)}
      >
        {props.metrics.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
