// The account layouts and mapped fields as the screen offers them, and the (heading, field) pairs a person's choices make.
import type { AccountFormat } from '../../lib/bindings';

export const FORMATS: { key: AccountFormat; title: string }[] = [
  { key: 'aws_credential_report', title: 'AWS IAM credential report' },
  { key: 'google_workspace', title: 'Google Workspace user download' },
  { key: 'entra_id', title: 'Microsoft Entra ID user export' },
  { key: 'github_members', title: 'GitHub organisation member export' },
  { key: 'mapped', title: 'CSV with a column mapping' },
];

export const FIELDS: { key: string; label: string }[] = [
  { key: 'account', label: 'Account (sign-in name)' },
  { key: 'person', label: 'Person’s name' },
  { key: 'mfa', label: 'MFA on (yes/no)' },
  { key: 'admin', label: 'Admin (yes/no)' },
  { key: 'last_sign_in', label: 'Last sign-in' },
  { key: 'key_age', label: 'Key age (days) or rotated on' },
  { key: 'active', label: 'Active (yes/no)' },
];

/** The chosen fields as the engine takes them: one (heading, field) pair per column used. */
export function headingMapping(fields: Record<string, string>): [string, string][] {
  return Object.entries(fields).filter(([, field]) => field !== '') as [string, string][];
}
