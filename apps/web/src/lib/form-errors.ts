/** What a failed zod parse carries (kept structural: the SPA gets zod only through @grove/shared). */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** The first problem of a failed zod parse as one line: `field: message` (or just the message). */
export function firstIssue(error: IssueList): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const field = issue.path.map(String).join('.');
  return field ? `${field}: ${issue.message}` : issue.message;
}
