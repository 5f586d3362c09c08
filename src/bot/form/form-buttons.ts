/** Callback data of the submission form's buttons (short: Telegram allows 64 bytes). */
export const FORM = {
  back: "f:back",
  skip: "f:skip",
  keep: "f:keep",
  done: "f:done",
  cancel: "f:cancel",
  submit: "f:submit",
  answer: "a:",
  edit: "e:",
} as const;
