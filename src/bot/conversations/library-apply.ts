import { InlineKeyboard } from "grammy";
import { InvalidApplicationError, MAX_NOTE_LENGTH } from "../../library/library.service.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { CANCEL, waitForText } from "./steps.js";

export const LIBRARY_APPLY_CONVERSATION = "library-apply";

/** "15/09/2026" or "15/09/2026; ghi chú": the start date, then an optional note. */
const ANSWER = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*(?:[;,:–-]\s*)?([\s\S]*)$/;

/**
 * A unit head marks their unit as applying a recognised initiative: asks the start date and a short note in one
 * message, then saves it (the service checks the role and the initiative again; marking twice changes nothing).
 */
export async function libraryApplyConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  submissionId: number,
) {
  await ctx.reply(ctx.t("library-apply-ask", { max: MAX_NOTE_LENGTH }), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL),
  });
  for (;;) {
    const reply = await waitForText(conversation, "library-apply-problem-not-a-date");
    const { answer } = reply;
    if ("cancelled" in reply) return answer.reply(answer.t("library-apply-cancelled"));
    const m = ANSWER.exec(reply.text.trim());
    if (!m) {
      await answer.reply(answer.t("library-apply-problem-not-a-date"));
      continue;
    }
    const [date, note] = [m[1] as string, (m[2] ?? "").trim()];
    const outcome = await conversation.external(async (o) => {
      try {
        const r = await o.services.library.markApplied(o.user?.id ?? 0, submissionId, date, note);
        return { ok: true as const, ...r };
      } catch (error) {
        if (error instanceof InvalidApplicationError) return { ok: false as const, problem: error.problem };
        throw error;
      }
    });
    if (outcome.ok)
      return answer.reply(
        answer.t(outcome.recorded ? "library-apply-done" : "library-apply-already", {
          code: outcome.code,
          unit: outcome.unit,
        }),
      );
    await answer.reply(answer.t(`library-apply-problem-${outcome.problem}`, { max: MAX_NOTE_LENGTH }));
  }
}
