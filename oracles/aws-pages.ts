/**
 * The AWS documentation pages the rules rest on, by title and URL: what a finding's `See:` line
 * cites, so that a user can read the source of every rule without this repository's history.
 */

/** One page of AWS's documentation. */
export interface AwsPage {
  /** The page's title as AWS prints it. */
  title: string;
  /** The page's address. */
  url: string;
}

const page = (title: string, url: string): AwsPage => ({ title, url });

/** The pages, by a short name. */
export const AWS_PAGES = {
  recordContents: page("CloudTrail record contents for management, data, and network activity events", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html"),
  userIdentity: page("CloudTrail userIdentity element", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html"),
  logFileExamples: page("CloudTrail log file examples", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html"),
  findLogFiles: page("Finding your CloudTrail log files", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html#cloudtrail-find-log-files"),
  concepts: page("CloudTrail concepts", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-management-events"),
  lookupEvents: page("LookupEvents (AWS CloudTrail API Reference)", "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html"),
  eventDataType: page("Event (AWS CloudTrail API Reference)", "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html"),
  classicLogging: page("Logging Amazon Inspector Classic API calls with AWS CloudTrail", "https://docs.aws.amazon.com/inspector/v1/userguide/logging-using-cloudtrail.html"),
  inspector2Logging: page("Logging Amazon Inspector API calls using AWS CloudTrail", "https://docs.aws.amazon.com/inspector/latest/user/logging-using-cloudtrail.html"),
  stsCallerIdentity: page("GetCallerIdentity (AWS Security Token Service API Reference)", "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html"),
} as const satisfies Record<string, AwsPage>;

/** A page as a `See:` line names it: `"Title", URL`. */
export function citePage(p: AwsPage): string {
  return `"${p.title}", ${p.url}`;
}
