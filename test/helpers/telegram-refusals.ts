export { telegramRefusal } from "../../src/demo/telegram-refusal.js";

/** Every refusal made by a fake during the current test; the setup file fails the test when any is left. */
export const unexpectedRefusals: { method: string; description: string; text?: unknown }[] = [];

/** Notes a refusal for the end-of-test check; a test that provokes one on purpose removes it with `expectRefusal`. */
export function noteRefusal(method: string, payload: Record<string, unknown>, description: string): void {
  unexpectedRefusals.push({ method, description, text: payload.text ?? payload.caption });
}

/** Takes the refusals so far out of the end-of-test check and returns them, for a test that expects some. */
export function expectRefusals(): { method: string; description: string; text?: unknown }[] {
  return unexpectedRefusals.splice(0);
}
