import { InlineKeyboard } from "grammy";
import type { OutgoingMessage } from "../broadcasts/broadcast-sender.js";
import type { DecisionNotice } from "../broadcasts/broadcasts.repository.js";
import type { Outcome } from "../db/types.js";
import type { StaleItem } from "../review/batch-decision.service.js";
import { BUCKETS, type Bucket, type DraftCounts, recognisedCount } from "../review/batch-proposal.js";
import { truncate } from "../shared/text.js";
import { formatIsoDate } from "../shared/time.js";
import type { Translate } from "./broadcast-messages.js";
import { BUTTON } from "./callback-data.js";
import { verbatim } from "./verbatim.js";

const OUTCOMES: readonly Outcome[] = ["nation", "province", "unit", "refuse"];

export interface DraftHeader {
  id: number;
  number: string;
  decided_on: string;
  signer: string;
  pass_mark: number;
}

/** The counts that would result: "771 công nhận: 186 toàn quốc, 585 cấp tỉnh…; 57 không công nhận". */
export function countsText(t: Translate, counts: DraftCounts): string {
  return t("batch-counts", {
    recognised: recognisedCount(counts),
    nation: counts.nation,
    province: counts.province,
    unit: counts.unit,
    refuse: counts.refuse,
  });
}

/** The draft at a glance, with a button for each group of outcomes and the ways to act on it. */
export function summaryScreen(
  t: Translate,
  draft: DraftHeader,
  campaign: string,
  counts: DraftCounts,
): { text: string; reply_markup: InlineKeyboard } {
  const lines = [
    t("batch-summary", {
      number: draft.number,
      date: formatIsoDate(draft.decided_on),
      signer: draft.signer,
      campaign,
      passMark: draft.pass_mark,
      counts: verbatim(countsText(t, counts)),
    }),
  ];
  if (counts.refusalsWithoutReason > 0)
    lines.push(t("batch-summary-missing-reasons", { count: counts.refusalsWithoutReason }));
  if (counts.excluded + counts.unscored > 0)
    lines.push(t("batch-summary-left-out", { excluded: counts.excluded, unscored: counts.unscored }));
  lines.push(t("batch-summary-help"));
  const keyboard = new InlineKeyboard();
  BUCKETS.filter((b) => counts[b] > 0).forEach((b, i) => {
    keyboard.text(
      t("batch-bucket-button", { name: verbatim(t(`batch-bucket-${b}`)), count: counts[b] }),
      BUTTON.batchList.data(draft.id, b, 0),
    );
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(t("batch-code-button"), BUTTON.batchCode.data(draft.id)).row();
  if (counts.refusalsWithoutReason > 0)
    keyboard.text(t("batch-reason-all-button"), BUTTON.batchReasonAll.data(draft.id)).row();
  // Nothing recognised or refused (every submission unscored or left out): no decision to issue, so no button that
  // would only say so after two taps.
  if (recognisedCount(counts) + counts.refuse === 0) lines.push(t("batch-empty"));
  else keyboard.text(t("batch-confirm-button"), BUTTON.batchConfirm.data(draft.id));
  return { text: lines.join("\n\n"), reply_markup: keyboard };
}

/** One page of a group: a numbered list, a button per submission, and paging. */
export function pageScreen(
  t: Translate,
  draftId: number,
  bucket: Bucket,
  p: {
    items: readonly { submission_id: number; code: string; title: string | null; average: number | null }[];
    total: number;
    page: number;
    pages: number;
  },
  pageSize: number,
): { text: string; reply_markup: InlineKeyboard } {
  const header = t("batch-page-title", {
    bucket: verbatim(t(`batch-bucket-${bucket}`)),
    count: p.total,
    page: p.page + 1,
    pages: p.pages,
  });
  const lines = p.items.map((item, i) =>
    t("batch-page-line", {
      n: p.page * pageSize + i + 1,
      code: item.code,
      title: truncate(item.title ?? "", 80),
      average: item.average === null ? "—" : item.average,
    }),
  );
  const keyboard = new InlineKeyboard();
  p.items.forEach((item, i) => {
    keyboard.text(item.code, BUTTON.batchItem.data(draftId, item.submission_id));
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row();
  if (p.page > 0) keyboard.text("◀️", BUTTON.batchList.data(draftId, bucket, p.page - 1));
  if (p.page + 1 < p.pages) keyboard.text("▶️", BUTTON.batchList.data(draftId, bucket, p.page + 1));
  keyboard.row().text(t("batch-back-button"), BUTTON.batchHome.data(draftId));
  return {
    text: [header, ...(lines.length > 0 ? lines : [t("batch-page-empty")])].join("\n"),
    reply_markup: keyboard,
  };
}

export interface DraftItem {
  submission_id: number;
  code: string;
  title: string | null;
  average: number | null;
  reviews: number;
  proposed: Outcome | null;
  chosen: Outcome | null;
  excluded: boolean;
  reason: string | null;
}

/** One submission of the draft: the council's view, the outcome now, and buttons to change it. */
export function itemScreen(
  t: Translate,
  draftId: number,
  item: DraftItem,
): { text: string; reply_markup: InlineKeyboard } {
  const current = item.excluded ? "excluded" : (item.chosen ?? item.proposed ?? "unscored");
  const lines = [
    t("batch-item", {
      code: item.code,
      title: item.title ?? "",
      reviews: item.reviews,
      average: item.average === null ? "—" : item.average,
      proposed: verbatim(t(`batch-bucket-${item.proposed ?? "unscored"}`)),
      current: verbatim(t(`batch-bucket-${current}`)),
    }),
  ];
  if (current === "refuse")
    lines.push(item.reason ? t("batch-item-reason", { reason: item.reason }) : t("batch-item-no-reason"));
  const keyboard = new InlineKeyboard();
  OUTCOMES.forEach((o, i) => {
    const mark = o === current ? "✓ " : "";
    keyboard.text(`${mark}${t(`batch-bucket-${o}`)}`, BUTTON.batchSet.data(draftId, item.submission_id, o));
    if (i % 2 === 1) keyboard.row();
  });
  if (current === "refuse")
    keyboard.text(t("batch-reason-button"), BUTTON.batchReason.data(draftId, item.submission_id)).row();
  keyboard
    .text(
      t(item.excluded ? "batch-include-button" : "batch-exclude-button"),
      BUTTON.batchExclude.data(draftId, item.submission_id, item.excluded ? "in" : "out"),
    )
    .row()
    .text(t("batch-back-button"), BUTTON.batchHome.data(draftId));
  return { text: lines.join("\n"), reply_markup: keyboard };
}

export function confirmScreen(
  t: Translate,
  draft: DraftHeader,
  counts: DraftCounts,
): { text: string; reply_markup: InlineKeyboard } {
  return {
    text: t("batch-confirm", {
      number: draft.number,
      date: formatIsoDate(draft.decided_on),
      signer: draft.signer,
      counts: verbatim(countsText(t, counts)),
    }),
    reply_markup: new InlineKeyboard()
      .text(t("batch-apply-button"), BUTTON.batchApply.data(draft.id))
      .row()
      .text(t("batch-back-button"), BUTTON.batchHome.data(draft.id)),
  };
}

/** What changed since the preview, one line each (codes only: no text from people). */
export function staleScreen(
  t: Translate,
  draftId: number,
  items: readonly StaleItem[],
): { text: string; reply_markup: InlineKeyboard } {
  const shown = items.slice(0, 40);
  const list = shown.map((s) =>
    t(`batch-stale-${s.problem}`, { code: s.code, status: verbatim(t(`status-${s.status}`)) }),
  );
  if (items.length > shown.length) list.push(t("batch-stale-more", { count: items.length - shown.length }));
  return {
    text: t("batch-stale", { count: items.length, list: verbatim(list.join("\n")) }),
    reply_markup: new InlineKeyboard()
      .text(t("batch-drop-stale-button"), BUTTON.batchDropStale.data(draftId))
      .row()
      .text(t("batch-back-button"), BUTTON.batchHome.data(draftId)),
  };
}

const NOTICE_LIMIT = 3900;

/** A submitter's message from a batch decision: each of their submissions in it, with its outcome. */
export function decisionNotice(
  t: Translate,
  notice: DecisionNotice,
  userId: number,
): OutgoingMessage | undefined {
  const mine = notice.items[String(userId)];
  if (!mine || mine.length === 0) return undefined;
  const lines = mine.map((item) =>
    item.outcome === "refuse"
      ? t("decision-notice-refused", {
          code: item.code,
          title: truncate(item.title, 120),
          reasons: truncate(item.reasons ?? "", 1500),
        })
      : t("decision-notice-recognised", {
          code: item.code,
          title: truncate(item.title, 120),
          scope: verbatim(t(`scope-${item.outcome}`)),
        }),
  );
  let items = "";
  for (const line of lines) {
    if (items.length + line.length > NOTICE_LIMIT) break;
    items += `${items ? "\n" : ""}${line}`;
  }
  return {
    text: t("decision-notice", {
      number: notice.number,
      date: formatIsoDate(notice.date),
      items: verbatim(items),
    }),
  };
}
