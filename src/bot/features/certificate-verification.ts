import { Composer } from "grammy";
import type { Verification } from "../../certificates/certificates.service.js";
import { formatDate, formatIsoDate } from "../../shared/time.js";
import type { Context } from "../context.js";
import { verbatim } from "../verbatim.js";

/** The start parameter a certificate's QR code carries: t.me/<bot>?start=v_<code>. */
const VERIFY_PAYLOAD = /^v_(\S{1,60})$/;

/**
 * `/start v_<code>`, what scanning a certificate's QR code sends: anyone, registered or not, is told whether the
 * certificate is genuine and what it certifies, or that its decision was revoked. Goes before /start's greeting
 * and registration, which a person checking a certificate does not need.
 */
export const certificateVerificationFeature = new Composer<Context>();

certificateVerificationFeature.chatType("private").command("start", async (ctx, next) => {
  const payload = VERIFY_PAYLOAD.exec(ctx.match.trim());
  if (!payload) return next();
  const result = await ctx.services.certificates.verify(ctx.from.id, payload[1] as string, new Date());
  await ctx.reply(verificationText(ctx, result), { parse_mode: "HTML" });
});

function verificationText(ctx: Context, result: Verification): string {
  if (result.status === "unknown") return ctx.t("verify-unknown");
  const c = result.certificate;
  const facts = {
    name: c.full_name,
    title: c.title,
    code: c.submission_code,
    scope: verbatim(c.scope ? ctx.t(`scope-${c.scope}`) : "—"),
    number: c.decision_number,
    date: formatIsoDate(c.decided_on),
  };
  if (result.status === "genuine") return ctx.t("verify-genuine", facts);
  return ctx.t("verify-revoked", {
    ...facts,
    revoked: c.revoked_at ? formatDate(ctx.config.timezone, c.revoked_at) : "—",
  });
}
