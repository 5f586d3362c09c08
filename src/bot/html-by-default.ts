import type { Transformer } from "grammy";

/** The methods whose text or caption the bot writes: all of it is HTML (see createI18n's escaping). */
const FORMATTED = new Set([
  "sendMessage",
  "editMessageText",
  "sendDocument",
  "sendPhoto",
  "editMessageCaption",
  "copyMessage",
]);

/**
 * Every message goes out as HTML unless the call says otherwise: translations escape what they insert, so a message
 * sent without parse_mode would show "&amp;" where a teacher typed "&". One rule for all texts, none forgotten.
 * (@grammyjs/parse-mode 1.x had this transformer; 2.x dropped it for its fmt builder.)
 */
export const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  if (FORMATTED.has(method) && payload && !("parse_mode" in payload))
    return prev(method, { ...payload, parse_mode: "HTML" } as typeof payload, signal);
  return prev(method, payload, signal);
};
