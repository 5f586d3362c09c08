import { InlineKeyboard } from "grammy";
import type { Scope } from "../../db/types.js";
import { InvalidDecisionError, MAX_NOTE_LENGTH, WrongStageError } from "../../review/review-errors.js";
import { formatIsoDate } from "../../shared/time.js";
import { BUTTON } from "../callback-data.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { notifySubmitter } from "../review-messages.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, waitForText } from "./steps.js";

export const REVIEW_NOTE_CONVERSATION = "review-note";

/** "return": a unit head's note; "refuse": the written reasons; "recognise:<scope>": decision number and date. */
export type ReviewNoteAction = "return" | "refuse" | `recognise:${Scope}`;

const DECISION = /^(.+?)\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/i;

/**
 * Asks for the text a review action needs and carries the action out; the services check the role and the
 * submission's stage again. The submitter is told at once, in their language.
 */
export async function reviewNoteConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  action: ReviewNoteAction,
  submissionId: number,
) {
  const prompt =
    action === "return"
      ? "review-ask-return-note"
      : action === "refuse"
        ? "review-ask-reasons"
        : "review-ask-decision";
  await ctx.reply(ctx.t(prompt, { max: MAX_NOTE_LENGTH }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL),
  });
  for (;;) {
    const reply = await waitForText(conversation);
    const { answer } = reply;
    if ("cancelled" in reply) return answer.reply(answer.t("review-cancelled"));
    const { text } = reply;
    let recognition: { scope: Scope; number: string; date: string } | undefined;
    if (action.startsWith("recognise:")) {
      const m = DECISION.exec(text.trim());
      if (!m) {
        await answer.reply(answer.t("review-problem-decision-format"), { parse_mode: "HTML" });
        continue;
      }
      const date = `${m[4]}-${(m[3] as string).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}`;
      recognition = { scope: action.slice("recognise:".length) as Scope, number: m[1] as string, date };
    }
    const outcome = await conversation.external(async (o) => {
      const actor = o.user?.id ?? 0;
      try {
        if (action === "return") {
          const r = await o.services.endorsement.returnForRevision(actor, submissionId, text);
          // The button opens the returned submission at its summary, ready to edit and send again.
          await notifySubmitter(
            o,
            r.submitter,
            "submitter-returned",
            { note: r.note ?? "" },
            { key: "my-edit-button", data: BUTTON.continueDraft.data(submissionId) },
          );
          return { ok: true as const, code: r.code };
        }
        if (action === "refuse") {
          const r = await o.services.decisions.refuse(actor, submissionId, text, new Date());
          await notifySubmitter(o, r.submitter, "submitter-refused", {
            reasons: r.decision_reasons ?? "",
          });
          return { ok: true as const, code: r.code };
        }
        const r = await o.services.decisions.recognise(
          actor,
          submissionId,
          recognition as NonNullable<typeof recognition>,
          new Date(),
        );
        await notifySubmitter(o, r.submitter, "submitter-recognised", (t) => ({
          scope: verbatim(t(`scope-${r.scope_recognised}`)),
          number: r.decision_number ?? "",
          date: formatIsoDate(r.decision_date ?? ""),
        }));
        return { ok: true as const, code: r.code };
      } catch (error) {
        if (error instanceof InvalidDecisionError) return { ok: false as const, problem: error.problem };
        if (error instanceof WrongStageError) return { ok: false as const, stage: error.status };
        throw error;
      }
    });
    if (outcome.ok)
      return answer.reply(answer.t(`review-done-${action.split(":")[0]}`, { code: outcome.code }), {
        parse_mode: "HTML",
      });
    if ("stage" in outcome)
      return answer.reply(
        answer.t("review-wrong-stage", { status: verbatim(answer.t(`status-${outcome.stage}`)) }),
      );
    await answer.reply(answer.t(`review-problem-${outcome.problem}`, { max: MAX_NOTE_LENGTH }), {
      parse_mode: "HTML",
    });
  }
}
