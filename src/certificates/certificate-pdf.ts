import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { DocumentSettings } from "../config.js";
import { MOTTO, NATIONAL_NAME, officialDate, SCOPE_WORDS, shareText } from "../documents/official-text.js";
import { formatIsoDate } from "../shared/time.js";
import { printedCode, verificationLink } from "./certificate-code.js";
import type { CertificateRow } from "./certificates.repository.js";

// Two faces only: pdfkit parses each font anew for every document (sharing a parsed font between documents loses
// letters from the text layer: fontkit caches glyphs made while embedding without their characters), and that
// parsing is most of a single certificate's time.
const FONT_FILES = {
  regular: "DejaVuSerif.ttf",
  bold: "DejaVuSerif-Bold.ttf",
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Promise<Record<FontName, Buffer>> | undefined;
/** The fonts' bytes are read once per process; pdfkit embeds only the glyphs a document uses. */
function loadFonts(): Promise<Record<FontName, Buffer>> {
  const require = createRequire(import.meta.url);
  fonts ??= Promise.all(
    Object.entries(FONT_FILES).map(
      async ([name, file]) =>
        [name, await readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))] as const,
    ),
  ).then((pairs) => Object.fromEntries(pairs) as Record<FontName, Buffer>);
  return fonts;
}

export interface CertificateOptions {
  settings: DocumentSettings;
  /** The bot's username, for the QR code's link. */
  botUsername: string;
  /** Who signed the decision, when known; otherwise the signature block leaves room for a hand signature. */
  signer?: string | null;
}

const PAGES_BETWEEN_YIELDS = 4;
/** Where the QR code is drawn on the page, in points from the top left (tests read it back from a rendering). */
export const QR_BOX = { left: 60, top: 440, side: 96 } as const;
const RED = "#8b1a1a";
const INK = "#1a1a1a";
// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;

/**
 * Writes the certificates, one A4 landscape page each, as one PDF to `out` (and waits until it is written). The
 * fonts are embedded (DejaVu Serif: every Vietnamese letter), and the QR code is drawn as vector squares, sharp at
 * any printer's resolution.
 */
export async function writeCertificates(
  certificates: readonly CertificateRow[],
  options: CertificateOptions,
  out: Writable,
): Promise<void> {
  const fontData = await loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: false,
    info: { Title: "Giấy chứng nhận sáng kiến", Author: options.settings.issuer },
  });
  for (const [name, data] of Object.entries(fontData)) doc.registerFont(name, data);
  doc.pipe(out);
  for (const [i, certificate] of certificates.entries()) {
    doc.addPage();
    drawCertificate(doc, certificate, options);
    // A page takes a few milliseconds: the bot's other updates go on between pages (a thousand would hold the
    // event loop for seconds), and the pages already made are written out instead of piling up in memory.
    if (i % PAGES_BETWEEN_YIELDS === PAGES_BETWEEN_YIELDS - 1)
      await new Promise((resolve) => setImmediate(resolve));
  }
  if (certificates.length === 0) doc.addPage();
  doc.end();
  await finished(out);
}

function drawCertificate(doc: PDFKit.PDFDocument, c: CertificateRow, options: CertificateOptions): void {
  const { settings } = options;
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(18, 18, WIDTH - 36, HEIGHT - 36)
    .stroke();
  doc
    .lineWidth(1)
    .rect(28, 28, WIDTH - 56, HEIGHT - 56)
    .stroke();

  const centred = (text: string, font: FontName, size: number, y: number, x = 50, width = WIDTH - 100) =>
    doc.font(font).fontSize(size).fillColor(INK).text(text, x, y, { width, align: "center" });

  // The heading: the issuing body on the left, the national name and motto on the right.
  centred(settings.issuerParent, "regular", 11, 48, 50, 300);
  centred(settings.issuer, "bold", 11, 63, 50, 300);
  doc.moveTo(160, 80).lineTo(240, 80).lineWidth(0.6).strokeColor(INK).stroke();
  centred(NATIONAL_NAME, "bold", 11, 48, WIDTH - 390, 340);
  centred(MOTTO, "bold", 11, 63, WIDTH - 390, 340);
  doc
    .moveTo(WIDTH - 290, 80)
    .lineTo(WIDTH - 150, 80)
    .stroke();

  doc
    .fillColor(RED)
    .font("bold")
    .fontSize(32)
    .text("GIẤY CHỨNG NHẬN", 50, 108, {
      width: WIDTH - 100,
      align: "center",
      characterSpacing: 2,
    });
  doc.fontSize(20).text("SÁNG KIẾN", 50, 148, { width: WIDTH - 100, align: "center", characterSpacing: 1.5 });

  centred("Chứng nhận", "regular", 13, 186);
  doc
    .fillColor(RED)
    .font("bold")
    .fontSize(22)
    .text(c.full_name, 50, 204, { width: WIDTH - 100, align: "center" });
  centred(`Đơn vị: ${c.unit_name ?? "—"}`, "regular", 13, 236);
  centred(`Là tác giả (tỷ lệ đóng góp ${shareText(c.share)}%) của sáng kiến:`, "regular", 13, 258);
  doc
    .font("bold")
    .fontSize(15)
    .fillColor(INK)
    .text(`“${c.title}”`, 90, 280, { width: WIDTH - 180, align: "center", height: 58, ellipsis: true });
  const scope = c.scope ? SCOPE_WORDS[c.scope] : "—";
  centred(`Mã hồ sơ: ${c.submission_code} · Phạm vi ảnh hưởng: ${scope}`, "regular", 13, 344);
  centred(
    `Được công nhận theo Quyết định số ${c.decision_number} ngày ${formatIsoDate(c.decided_on)}.`,
    "regular",
    13,
    366,
  );

  drawVerification(doc, c.code, options.botUsername);

  // The signature block, dated as the decision.
  const x = WIDTH - 360;
  centred(`${settings.place}, ${officialDate(c.decided_on)}`, "regular", 12, 412, x, 300);
  for (const [i, line] of settings.signerTitle.entries()) centred(line, "bold", 12, 434 + i * 16, x, 300);
  if (options.signer) centred(options.signer, "bold", 13, 520, x, 300);
}

/** The QR code (the bot's verification link) and the code in words, bottom left. */
function drawVerification(doc: PDFKit.PDFDocument, code: string, botUsername: string): void {
  const link = verificationLink(botUsername, code);
  const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const { left, top, side } = QR_BOX;
  const cell = side / size;
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (qr.modules.get(row, col)) doc.rect(left + col * cell, top + row * cell, cell + 0.05, cell + 0.05);
  doc.fillColor("black").fill();
  const textX = left + side + 12;
  doc.font("regular").fontSize(9).fillColor(INK);
  doc.text("Mã xác thực:", textX, top + 10);
  doc
    .font("bold")
    .fontSize(11)
    .text(printedCode(code), textX, top + 24);
  doc
    .font("regular")
    .fontSize(8.5)
    .text("Quét mã QR hoặc mở liên kết để kiểm tra:", textX, top + 44);
  doc.fontSize(8).text(link, textX, top + 57, { lineBreak: false });
}
