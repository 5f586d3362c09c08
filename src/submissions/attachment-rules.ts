import { normalizeText } from "../shared/text.js";
import { MAX_ATTACHMENTS } from "./forms.js";

/** Telegram lets bots download files up to 20 MB; a larger one could never be read back. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const ALLOWED_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "jpg", "jpeg", "png"];
const ALLOWED_MIME = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "image/jpeg",
  "image/png",
];

export interface IncomingFile {
  kind: "document" | "photo";
  fileId: string;
  fileUniqueId: string;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
}

export type AttachmentCheck = { ok: true } | { ok: false; problem: "too-many" | "too-large" | "type" };

export function checkAttachment(file: IncomingFile, alreadyAttached: number): AttachmentCheck {
  if (alreadyAttached >= MAX_ATTACHMENTS) return { ok: false, problem: "too-many" };
  if ((file.sizeBytes ?? 0) > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "too-large" };
  if (file.kind === "photo") return { ok: true };
  // The name is judged before the declared type: "virus.exe" sent as application/pdf is refused; a file whose name
  // has no extension must declare an accepted type.
  const mimeOk = file.mimeType !== null && ALLOWED_MIME.includes(file.mimeType);
  const name = file.fileName ? normalizeText(file.fileName) : "";
  const extension = name.includes(".") ? (name.toLowerCase().split(".").pop() ?? "") : "";
  const typeOk = extension === "" ? mimeOk : ALLOWED_EXTENSIONS.includes(extension);
  return typeOk ? { ok: true } : { ok: false, problem: "type" };
}
