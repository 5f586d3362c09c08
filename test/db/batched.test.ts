import { describe, expect, it } from "vitest";
import { batched } from "../../src/db/batched.js";

/** A stand-in for a statement: records each batch it is given and answers when told to. */
function statement() {
  const batches: number[][] = [];
  const answers: (() => void)[] = [];
  const run = (calls: readonly number[]) => {
    batches.push([...calls]);
    return new Promise<(number | Error)[]>((resolve) => {
      answers.push(() => resolve(calls.map((c) => (c < 0 ? new Error(`refused ${c}`) : c * 10))));
    });
  };
  /** Lets the event loop run until the statement has been given `n` batches in all. */
  const until = async (n: number) => {
    while (batches.length < n) await new Promise((r) => setImmediate(r));
  };
  return { run, batches, answers, until };
}

describe("batched", () => {
  it("sends a call made while idle at once, alone", async () => {
    const s = statement();
    const call = batched(s.run);
    const one = call(1);
    await s.until(1);
    s.answers.shift()?.();
    expect(await one).toBe(10);
    expect(s.batches).toEqual([[1]]);
  });

  it("sends the calls of one turn of the event loop together", async () => {
    const s = statement();
    const call = batched(s.run);
    const results = Promise.all([call(1), call(2), call(3)]);
    await s.until(1);
    s.answers.shift()?.();
    expect(await results).toEqual([10, 20, 30]);
    expect(s.batches).toEqual([[1, 2, 3]]);
  });

  it("gathers the calls made while a batch is in flight into the next one, sent when the first comes back", async () => {
    const s = statement();
    const call = batched(s.run);
    const first = call(1);
    await s.until(1);
    // In flight: these wait, in separate turns of the event loop, and then go together.
    const later = [call(2)];
    await new Promise((r) => setImmediate(r));
    later.push(call(3));
    await new Promise((r) => setImmediate(r));
    expect(s.batches).toEqual([[1]]);
    s.answers.shift()?.();
    expect(await first).toBe(10);
    await s.until(2);
    expect(s.batches).toEqual([[1], [2, 3]]);
    s.answers.shift()?.();
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it("fails only the call whose result is an error", async () => {
    const s = statement();
    const call = batched(s.run);
    const results = Promise.allSettled([call(1), call(-2), call(3)]);
    await s.until(1);
    s.answers.shift()?.();
    const [a, b, c] = await results;
    expect(a).toEqual({ status: "fulfilled", value: 10 });
    expect(b).toMatchObject({ status: "rejected", reason: { message: "refused -2" } });
    expect(c).toEqual({ status: "fulfilled", value: 30 });
  });

  it("goes on after a batch whose statement failed", async () => {
    let fail = true;
    const call = batched(async (calls: readonly number[]) => {
      if (fail) throw new Error("connection lost");
      return calls.map((c) => c * 10);
    });
    await expect(Promise.all([call(1), call(2)])).rejects.toThrow("connection lost");
    fail = false;
    expect(await Promise.all([call(3), call(4)])).toEqual([30, 40]);
  });

  it("never sends more than the batch size in one statement", async () => {
    const sizes: number[] = [];
    const call = batched(async (calls: readonly number[]) => {
      sizes.push(calls.length);
      return [...calls];
    }, 4);
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => call(i)))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(sizes).toEqual([4, 4, 2]);
  });
});
