/**
 * Where a Node process's memory is, from its Prometheus metrics (prom-client's
 * default set): the largest size each V8 heap space reached while sampled,
 * and external memory (Buffers, ArrayBuffers). For the bench's memory row.
 */
export function sampleHeapSpaces(metricsUrl: string, everyMs = 500) {
  const largest = new Map<string, number>();
  let sampling = true;
  const note = (name: string, bytes: number) =>
    largest.set(name, Math.max(largest.get(name) ?? 0, bytes));
  const done = (async () => {
    while (sampling) {
      const text = await fetch(metricsUrl)
        .then((response) => response.text())
        .catch(() => '');
      for (const match of text.matchAll(
        /^nodejs_heap_space_size_total_bytes\{space="(\w+)"\} (\d+)/gm,
      ))
        note(match[1], Number(match[2]));
      const external = /^nodejs_external_memory_bytes (\d+)/m.exec(text);
      if (external) note('external', Number(external[1]));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    /** Stops sampling; answers "new_space 33 MB, old_space 61 MB, …", largest first. */
    async stop(): Promise<string> {
      sampling = false;
      await done;
      return [...largest]
        .filter(([, bytes]) => bytes >= 1024 * 1024)
        .sort((a, b) => b[1] - a[1])
        .map(([space, bytes]) => `${space} ${Math.round(bytes / 1024 / 1024)} MB`)
        .join(', ');
    },
  };
}
