import { existsSync } from "node:fs";

/** A backup, restore or move refused or failed for a reason the operator can act on: printed without a stack. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** A backup never overwrites a file: an earlier backup may be the only good one. */
export function refuseExisting(outFile: string): void {
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists; name another file.`);
}
