import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { Context, ConversationContext } from "../context.js";
import { BATCH_INPUT_CONVERSATION, batchInputConversation } from "./batch-decision-input.js";
import { CAMPAIGN_CREATE_CONVERSATION, campaignCreateConversation } from "./campaign-create.js";
import { CAMPAIGN_EDIT_CONVERSATION, campaignEditConversation } from "./campaign-edit.js";
import { CAMPAIGN_EXTEND_CONVERSATION, campaignExtendConversation } from "./campaign-extend.js";
import { LIBRARY_APPLY_CONVERSATION, libraryApplyConversation } from "./library-apply.js";
import { PROFILE_NAME_CONVERSATION, profileNameConversation } from "./profile-name.js";
import { PROFILE_UNIT_CONVERSATION, profileUnitConversation } from "./profile-unit.js";
import { REGISTRATION_CONVERSATION, registrationConversation } from "./registration.js";
import { REVIEW_NOTE_CONVERSATION, reviewNoteConversation } from "./review-note.js";
import { REVIEW_SCORE_CONVERSATION, reviewScoreConversation } from "./review-score.js";

/**
 * Every conversation, installed in one place ahead of the features, so an update that belongs to a conversation
 * in progress reaches it before any command or button handler. Only /help and /cancel come earlier.
 */
export const conversationsFeature = new Composer<Context>();

const privateChats = conversationsFeature.chatType("private");
const conversations = [
  [registrationConversation, REGISTRATION_CONVERSATION],
  [profileNameConversation, PROFILE_NAME_CONVERSATION],
  [profileUnitConversation, PROFILE_UNIT_CONVERSATION],
  [campaignCreateConversation, CAMPAIGN_CREATE_CONVERSATION],
  [campaignExtendConversation, CAMPAIGN_EXTEND_CONVERSATION],
  [campaignEditConversation, CAMPAIGN_EDIT_CONVERSATION],
  [reviewNoteConversation, REVIEW_NOTE_CONVERSATION],
  [reviewScoreConversation, REVIEW_SCORE_CONVERSATION],
  [batchInputConversation, BATCH_INPUT_CONVERSATION],
  [libraryApplyConversation, LIBRARY_APPLY_CONVERSATION],
] as const;
for (const [builder, id] of conversations) {
  privateChats.use(createConversation<Context, ConversationContext>(builder, { id }));
}
