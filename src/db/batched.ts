import DataLoader from "dataloader";

/** What one statement answers for one of the calls it served: a value, or the error of that call alone. */
export type BatchResult<V> = V | Error;

/**
 * Serves many concurrent calls with one statement. Calls made while this statement's previous batch is in flight
 * wait for it and then go together as the next batch ("smart batching"): an idle bot sends each call at once, as
 * before, and a busy one sends one statement for all the updates being handled instead of one each. On this
 * machine a round trip to PostgreSQL costs the bot a system call of ~0.2 ms whatever it carries, so under load this
 * is the difference between a round trip per update and one per batch (docs/benchmarks.md).
 *
 * On DataLoader (graphql/dataloader) with its cache off: it gathers the calls into batches, keeps each result with
 * its call, and lets the batch wait (`batchScheduleFn`) while the previous one is in flight. `run` gets the calls in
 * the order they were made and returns one result per call, in that order.
 */
export function batched<K, V>(
  run: (calls: readonly K[]) => Promise<readonly BatchResult<V>[]>,
  maxBatchSize = 500,
): (call: K) => Promise<V> {
  let inFlight = false;
  const gathered: (() => void)[] = [];
  const loader = new DataLoader<K, V>(
    async (calls) => {
      inFlight = true;
      try {
        return await run(calls);
      } finally {
        inFlight = false;
        // The batch that gathered meanwhile goes now.
        gathered.shift()?.();
      }
    },
    {
      cache: false,
      maxBatchSize,
      batchScheduleFn: (dispatch) => {
        if (inFlight || gathered.length > 0) gathered.push(dispatch);
        // Idle: after the calls made in this same turn of the event loop, as DataLoader does by default.
        else void Promise.resolve().then(() => process.nextTick(dispatch));
      },
    },
  );
  return (call) => loader.load(call);
}
