import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { DecisionSummary } from "../../documents/decision-documents.repository.js";
import { InvalidDecisionError } from "../../review/review-errors.js";
import { formatDateTime, formatIsoDate } from "../../shared/time.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { hasUser, type UserContext } from "../filters.js";
import { fileSlug, withTempDir } from "./document-files.js";

/**
 * Administrators: /decisions lists the department's decisions, newest first, a page at a time; each opens to its
 * documents (the .docx decision, its list as XLSX, every certificate as one PDF for printing) and to its
 * revocation, typed as `/decisions revoke <id> <reason>` so the reason is a message of its own, never a prompt.
 * Every service call checks the administrator role again.
 */
export const decisionDocumentsFeature = new Composer<Context>();
const private_ = decisionDocumentsFeature.chatType("private").filter(hasUser);

private_.command("decisions", async (ctx) => {
  const revoke = /^revoke\s+(\d{1,15})(?:\s+([\s\S]*))?$/i.exec(ctx.match.trim());
  if (revoke) return revokeDecision(ctx, Number(revoke[1]), revoke[2] ?? "");
  await showPage(ctx, 0);
});

private_.callbackQuery(BUTTON.decisionsPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPage(ctx, ...BUTTON.decisionsPage.read(ctx.match));
});

private_.callbackQuery(BUTTON.decisionOpen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const d = await ctx.services.documents.find(ctx.user.id, ...BUTTON.decisionOpen.read(ctx.match));
  const keyboard = new InlineKeyboard()
    .text(ctx.t("decisions-docx-button"), BUTTON.decisionFile.data(d.id, "docx"))
    .text(ctx.t("decisions-xlsx-button"), BUTTON.decisionFile.data(d.id, "xlsx"))
    .row();
  if (!d.revoked_at)
    keyboard
      .text(ctx.t("decisions-certs-button"), BUTTON.decisionFile.data(d.id, "certs"))
      .row()
      .text(ctx.t("decisions-revoke-button"), BUTTON.decisionRevoke.data(d.id));
  await ctx.reply(cardText(ctx, d), { parse_mode: "HTML", reply_markup: keyboard });
});

private_.callbackQuery(BUTTON.decisionFile.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id, file] = BUTTON.decisionFile.read(ctx.match);
  await ctx.replyWithChatAction("upload_document");
  await withTempDir(async (dir) => {
    if (file === "docx") {
      const { decision, docx } = await ctx.services.documents.decisionDocx(ctx.user.id, id);
      await ctx.replyWithDocument(new InputFile(docx, `quyet-dinh-${fileSlug(decision.number)}.docx`));
    } else if (file === "xlsx") {
      const path = join(dir, "danh-sach.xlsx");
      const decision = await ctx.services.documents.decisionXlsx(ctx.user.id, id, path);
      await ctx.replyWithDocument(new InputFile(path, `danh-sach-${fileSlug(decision.number)}.xlsx`));
    } else {
      const batch = await ctx.services.certificates.forDecision(ctx.user.id, id);
      if (batch.certificates.length === 0) return ctx.reply(ctx.t("decisions-no-certificates"));
      const path = join(dir, "giay-chung-nhan.pdf");
      await ctx.services.certificates.write(batch, ctx.me.username, createWriteStream(path));
      const decision = await ctx.services.documents.find(ctx.user.id, id);
      await ctx.replyWithDocument(new InputFile(path, `giay-chung-nhan-${fileSlug(decision.number)}.pdf`), {
        caption: ctx.t("decisions-certs-caption", { count: batch.certificates.length }),
      });
    }
  });
});

private_.callbackQuery(BUTTON.decisionRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const d = await ctx.services.documents.find(ctx.user.id, ...BUTTON.decisionRevoke.read(ctx.match));
  const command = `/decisions revoke ${d.id} `;
  await ctx.reply(ctx.t("decisions-revoke-how", { number: d.number, command }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().copyText(ctx.t("decisions-revoke-copy"), command),
  });
});

async function revokeDecision(ctx: UserContext, id: number, note: string): Promise<void> {
  try {
    const d = await ctx.services.documents.revoke(ctx.user.id, id, note, new Date());
    await ctx.reply(ctx.t("decisions-revoked", { number: d.number, date: formatIsoDate(d.decided_on) }), {
      parse_mode: "HTML",
    });
  } catch (err) {
    if (!(err instanceof InvalidDecisionError)) throw err;
    await ctx.reply(
      ctx.t(`decisions-revoke-${err.problem === "note-too-long" ? "too-long" : "note-required"}`),
      {
        parse_mode: "HTML",
      },
    );
  }
}

async function showPage(ctx: UserContext, page: number): Promise<void> {
  const { decisions, more } = await ctx.services.documents.list(ctx.user.id, page);
  if (decisions.length === 0 && page === 0) {
    await ctx.reply(ctx.t("decisions-none"));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const d of decisions)
    keyboard
      .text(
        `${d.revoked_at ? "⛔ " : ""}${d.number} — ${formatIsoDate(d.decided_on)} (${d.recognised})`,
        BUTTON.decisionOpen.data(d.id),
      )
      .row();
  if (page > 0) keyboard.text(ctx.t("decisions-previous"), BUTTON.decisionsPage.data(page - 1));
  if (more) keyboard.text(ctx.t("decisions-next"), BUTTON.decisionsPage.data(page + 1));
  await ctx.reply(ctx.t("decisions-title", { page: page + 1 }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}

function cardText(ctx: Context, d: DecisionSummary): string {
  const text = ctx.t("decisions-card", {
    number: d.number,
    date: formatIsoDate(d.decided_on),
    signer: d.signer ?? "—",
    year: d.school_year ?? "—",
    recognised: d.recognised,
  });
  if (!d.revoked_at) return text;
  return `${text}\n${ctx.t("decisions-card-revoked", {
    at: formatDateTime(ctx.config.timezone, d.revoked_at),
    note: d.revocation_note ?? "",
  })}`;
}
