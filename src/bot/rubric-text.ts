import type { RubricCriterion } from "../db/types.js";
import type { Rubrics } from "../review/council.service.js";
import { escapeHtml } from "../shared/text.js";
import type { Context, ConversationContext } from "./context.js";
import { verbatim } from "./verbatim.js";

/** A criterion's name for HTML: the administrator's own words, or the default criterion's name in the reader's language. */
export function criterionName(ctx: Context | ConversationContext, c: RubricCriterion): string {
  return c.name === undefined ? ctx.t(`rubric-${c.key}`) : escapeHtml(c.name);
}

/** Each kind's criteria with their weights and shares of the total, and whether they are the campaign's own. */
export function rubricsText(ctx: Context, rubrics: Rubrics): string {
  return rubrics
    .map(({ kind, criteria, own }) => {
      const sum = criteria.reduce((a, c) => a + c.weight, 0);
      const lines = criteria.map((c, i) =>
        ctx.t("rubric-line", {
          n: i + 1,
          name: verbatim(criterionName(ctx, c)),
          weight: c.weight,
          share: Math.round((c.weight / sum) * 100),
        }),
      );
      return [
        ctx.t(own ? "rubric-title-own" : "rubric-title-default", { kind: verbatim(ctx.t(`kind-${kind}`)) }),
        ...lines,
      ].join("\n");
    })
    .join("\n\n");
}
