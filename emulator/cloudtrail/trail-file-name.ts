/**
 * Trail log file keys: `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz`.
 * Source: cloudtrail-find-log-files.md (facts section 4): "YYYYMMDDTHHmm is the delivery time in UTC";
 * the unique string is 16 meaningless characters; format json.gz.
 */
import { randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 16 random characters from [A-Za-z0-9]. */
export function uniqueString(length = 16): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return s;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The relative path (with `/` separators) of a log file delivered at `deliveredAt`. */
export function trailFileKey(account: string, region: string, deliveredAt: Date, unique = uniqueString()): string {
  const y = pad(deliveredAt.getUTCFullYear(), 4);
  const mo = pad(deliveredAt.getUTCMonth() + 1);
  const d = pad(deliveredAt.getUTCDate());
  const stamp = `${y}${mo}${d}T${pad(deliveredAt.getUTCHours())}${pad(deliveredAt.getUTCMinutes())}Z`;
  return `AWSLogs/${account}/CloudTrail/${region}/${y}/${mo}/${d}/${account}_CloudTrail_${region}_${stamp}_${unique}.json.gz`;
}

/** Matches a trail log file key and captures account, region, date folders, stamp and unique string. */
export const TRAIL_FILE_KEY_PATTERN =
  /^AWSLogs\/(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_CloudTrail_\2_(\3\4\5T\d{4}Z)_([A-Za-z0-9]{16})\.json\.gz$/;
