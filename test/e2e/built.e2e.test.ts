import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT, TEST_BOT_TOKEN, tempDir } from "../helpers/bot-process.js";
import { FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";

let api: FakeTelegramApi | undefined;

afterAll(async () => {
  await api?.stop();
});

/** The processes below `pid` (npm runs a script through a shell), with their command lines. */
function descendants(pid: number): { pid: number; args: string }[] {
  const children = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const [, child, args] = /^\s*(\d+)\s+(.*)$/.exec(l) ?? [];
      return { pid: Number(child), args: String(args) };
    });
  return children.flatMap((c) => [c, ...descendants(c.pid)]);
}

// The other process tests run the source through tsx; production runs what `npm run build` compiled.
it("npm start runs the compiled JavaScript, which answers /start and stops cleanly", async () => {
  const build = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<
    string,
    string
  >;
  expect(scripts.start).toMatch(/^node .*dist\/src\/main\.js$/);

  api = await FakeTelegramApi.start();
  const since = api.mark();
  const bot = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATA_DIR: tempDir(),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [bot.stdout, bot.stderr]) stream.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => bot.once("exit", resolve));
  try {
    await api.waitForCall((c) => c.method === "getUpdates", { since, timeoutMs: 60_000 });
    const welcome = await new FakeChat(api, 6001, { first_name: "Lan" }).send("/start");
    expect(String(welcome.payload.text)).toContain("thi đua – khen thưởng");
    // The process npm started runs the compiled file, not the source; stopped as a service manager would (SIGTERM
    // to the bot itself: npm does not pass a signal on), it exits cleanly and npm with it.
    const node = descendants(bot.pid as number).find((p) => /^\S*node\b/.test(p.args));
    expect(node?.args).toMatch(/dist\/src\/main\.js$/);
    process.kill(node?.pid as number, "SIGTERM");
  } catch (error) {
    for (const p of descendants(bot.pid as number)) process.kill(p.pid, "SIGKILL");
    bot.kill("SIGKILL");
    throw error;
  }
  expect(await exited, output).toBe(0);
});
