/**
 * Loading an account directory from JSON (the `--accounts <file>` option or `EMULATOR_ACCOUNTS`),
 * validated with zod; a failure names the source and every wrong field.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { AccountDirectory } from "./account-directory.js";
import { accountDirectorySchema } from "./schema.js";

/** Thrown when an account directory file is not valid JSON or does not fit the schema. */
export class AccountDirectoryError extends Error {
  /** The zod issues, empty when the text was not JSON. */
  readonly issues: readonly z.core.$ZodIssue[];
  constructor(message: string, issues: readonly z.core.$ZodIssue[] = []) {
    super(message);
    this.name = "AccountDirectoryError";
    this.issues = issues;
  }
}

/**
 * Validates an account directory given as JSON text or as an already parsed value, and builds it.
 * `source` names the origin (a file path, `EMULATOR_ACCOUNTS`) in error messages.
 */
export function loadAccountDirectory(json: unknown, source = "account directory"): AccountDirectory {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new AccountDirectoryError(
        `[emulator] ${source} is not valid JSON: ${(err as Error).message}\n` +
          `Hint: the file holds {"accounts":[{"accountId":"111122223333", "users":[…], "roles":[…]}]}.`,
      );
    }
  }
  const parsed = accountDirectorySchema.safeParse(value);
  if (!parsed.success) {
    throw new AccountDirectoryError(
      `[emulator] ${source} is not a valid account directory:\n${z.prettifyError(parsed.error)}\n` +
        `Hint: see emulator/accounts/schema.ts for every field and its format.`,
      parsed.error.issues,
    );
  }
  return new AccountDirectory(parsed.data);
}

/** Reads and validates an account directory file (the lead's `--accounts <file>`). */
export function readAccountDirectoryFile(path: string): AccountDirectory {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new AccountDirectoryError(`[emulator] cannot read account directory file ${path}: ${(err as Error).message}`);
  }
  return loadAccountDirectory(text, path);
}
