import { buttons, type FakeChat } from "./fake-chat.js";
import type { FakeTelegramApi } from "./fake-telegram-api.js";

/** Registers the chat's user through /start: the Telegram name, and the first unit matching `unitQuery`. */
export async function registerThroughStart(
  api: FakeTelegramApi,
  chat: FakeChat,
  unitQuery = "thpt le loi",
): Promise<void> {
  const since = chat.push("/start");
  await api.waitForCall(
    (c) => Number(c.payload.chat_id) === chat.user.id && buttons(c).some((b) => b.data === "name:keep"),
    { since },
  );
  await chat.press("name:keep");
  const matches = await chat.send(unitQuery);
  const unit = buttons(matches).find((b) => b.data.startsWith("unit:") && b.data !== "unit:browse");
  if (!unit) throw new Error(`no unit matches ${unitQuery}`);
  await chat.press(unit.data);
  const done = await chat.press("reg:save");
  if (!String(done.payload.text).includes("✅")) throw new Error(`registration failed: ${done.payload.text}`);
}
