import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Composer, InputFile } from "grammy";
import type { AppendixLabels } from "../../export/export.service.js";
import { foldForSearch } from "../../shared/text.js";
import type { Context } from "../context.js";
import { hasUser } from "../filters.js";
import { verbatim } from "../verbatim.js";
import { parseReportScope } from "./stats.js";

/** /export [2025-2026 | c<campaign id>]: the appendix as an XLSX workbook and the submissions as CSV. */
export const exportFeature = new Composer<Context>();

exportFeature
  .chatType("private")
  .filter(hasUser)
  .command("export", async (ctx) => {
    const parsed = await parseReportScope(ctx, ctx.match.trim());
    if (!parsed) return;
    const dir = await mkdtemp(join(tmpdir(), "thidua-export-"));
    try {
      const files = { xlsx: join(dir, "phu-luc.xlsx"), csv: join(dir, "ho-so.csv") };
      await ctx.replyWithChatAction("upload_document");
      // The service refuses anyone but an administrator.
      const { rows } = await ctx.services.exports.writeAppendix(
        ctx.user.id,
        parsed.scope,
        files,
        appendixLabels(ctx),
      );
      // ASCII file names: every mail client and old Windows opens them.
      const slug = foldForSearch(parsed.plainLabel).replace(/[^a-z0-9]+/g, "-");
      const name = ctx.t("export-file-name", { label: slug.replace(/^-|-$/g, "") });
      await ctx.replyWithDocument(new InputFile(files.xlsx, `${name}.xlsx`), {
        caption: ctx.t("export-caption", { label: verbatim(parsed.label), rows }),
        parse_mode: "HTML",
      });
      await ctx.replyWithDocument(new InputFile(files.csv, `${name}.csv`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

function appendixLabels(ctx: Context): AppendixLabels {
  const split = (key: string) =>
    ctx
      .t(key)
      .split("|")
      .map((s) => s.trim());
  return {
    sheets: {
      submissions: ctx.t("export-sheet-submissions"),
      units: ctx.t("export-sheet-units"),
      groups: ctx.t("export-sheet-groups"),
    },
    columns: split("export-columns"),
    unitColumns: split("export-unit-columns"),
    groupColumns: split("export-group-columns"),
    kind: (k) => ctx.t(`kind-${k}`),
    status: (s) => ctx.t(`status-${s}`),
    scope: (s) => ctx.t(`scope-${s}`),
    award: (a) => ctx.t(`choice-award-${a}`),
    cluster: ctx.t("export-cluster"),
    block: ctx.t("export-block"),
  };
}
