import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { ForbiddenError } from "../../users/permissions.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { hasUser } from "../filters.js";
import { screeningButtonLabel, screeningReportText } from "../screening-report.js";

/** The overlap report's button on a reviewer's or the decision card (src/screening/ computes the report). */
export const screeningFeature = new Composer<Context>();
const private_ = screeningFeature.chatType("private").filter(hasUser);

private_.callbackQuery(BUTTON.screeningReport.filter, async (ctx) => {
  const [id] = BUTTON.screeningReport.read(ctx.match);
  await ctx.answerCallbackQuery();
  // Checked again here: the button may be old, the reviewer since released, or forged.
  const report = await ctx.services.screening.report(ctx.user.id, id);
  await ctx.reply(screeningReportText(ctx.t, ctx.config.timezone, report), { parse_mode: "HTML" });
});

/**
 * The report's button for a card, labelled with the number of sources found; none for someone the report is not
 * for (a reviewer who declared a conflict).
 */
export async function screeningButton(
  ctx: Context & { user: { id: number } },
  submissionId: number,
): Promise<InlineKeyboardButton | undefined> {
  try {
    const report = await ctx.services.screening.report(ctx.user.id, submissionId);
    return InlineKeyboard.text(
      screeningButtonLabel(ctx.t, report),
      BUTTON.screeningReport.data(submissionId),
    );
  } catch (error) {
    if (error instanceof ForbiddenError) return undefined;
    throw error;
  }
}
