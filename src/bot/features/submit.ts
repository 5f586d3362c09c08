import { Composer, InlineKeyboard } from "grammy";
import type { SubmissionKind } from "../../db/types.js";
import { truncate } from "../../shared/text.js";
import type { DraftView } from "../../submissions/submissions.service.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { hasUser, type UserContext } from "../filters.js";
import { verbatim } from "../verbatim.js";
import { openForm } from "./form.js";

export const submitFeature = new Composer<Context>();
const private_ = submitFeature.chatType("private").filter(hasUser);

private_.command("submit", async (ctx) => {
  if (!ctx.user?.full_name || ctx.user.unit_id === null) return ctx.reply(ctx.t("submit-register-first"));
  await ctx.reply(ctx.t("submit-choose-kind"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("submit-kind-initiative"), BUTTON.submitKind.data("initiative"))
      .row()
      .text(ctx.t("submit-kind-nomination"), BUTTON.submitKind.data("nomination")),
  });
});

private_.callbackQuery(BUTTON.submitKind.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [kind] = BUTTON.submitKind.read(ctx.match);
  const user = ctx.user;
  if (!user) return;
  const draft = await ctx.services.submissions.currentDraft(user.id, kind);
  if (draft) {
    await ctx.reply(ctx.t("submit-draft-exists", { step: draft.stepNumber, total: draft.totalSteps }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("submit-continue-button"), BUTTON.continueDraft.data(draft.id))
        .row()
        .text(ctx.t("submit-fresh-button"), BUTTON.freshDraft.data(kind)),
    });
    return;
  }
  await startForm(ctx, kind);
});

private_.callbackQuery(BUTTON.continueDraft.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  // The id comes from the button: the service checks it is this user's, and still editable.
  const view = await ctx.services.submissions.view(ctx.user.id, ...BUTTON.continueDraft.read(ctx.match));
  if (view.status !== "draft" && view.status !== "returned") return ctx.reply(ctx.t("form-gone"));
  if ((await ctx.services.submissions.linkedCampaignOpen(ctx.user.id, view.id)) === false)
    await ctx.reply(ctx.t("form-draft-campaign-closed"));
  await openForm(ctx, view.id);
});

private_.callbackQuery(BUTTON.freshDraft.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [kind] = BUTTON.freshDraft.read(ctx.match);
  const old = await ctx.services.submissions.currentDraft(ctx.user.id, kind);
  if (old) await ctx.services.submissions.discardDraft(ctx.user.id, old.id);
  await startForm(ctx, kind);
});

private_.command("drafts", async (ctx) => {
  const drafts = (
    await Promise.all(
      (["initiative", "nomination"] as const).map((kind) =>
        ctx.services.submissions.currentDraft(ctx.user?.id ?? 0, kind),
      ),
    )
  ).filter((d): d is DraftView => d !== undefined);
  if (drafts.length === 0) return ctx.reply(ctx.t("drafts-none"));
  const keyboard = new InlineKeyboard();
  for (const d of drafts) {
    const title = typeof d.answers.title === "string" ? d.answers.title : ctx.t("drafts-untitled");
    keyboard
      .text(
        ctx.t("drafts-item", {
          kind: verbatim(ctx.t(`kind-${d.kind}`)),
          title: verbatim(truncate(title, 30)),
          step: d.stepNumber,
          total: d.totalSteps,
        }),
        BUTTON.continueDraft.data(d.id),
      )
      .row();
  }
  await ctx.reply(ctx.t("drafts-list"), {
    reply_markup: keyboard,
  });
});

async function startForm(ctx: UserContext, kind: SubmissionKind): Promise<void> {
  // Not registered yet: NotRegisteredError, answered by the error boundary.
  const draft = await ctx.services.submissions.startDraft(ctx.user.id, kind);
  await openForm(ctx, draft.id, draft);
}
