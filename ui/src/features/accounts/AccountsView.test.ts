// The account exports screen over the fake host: a dropped report previewed and kept with its findings, an unrecognised file mapped column by column and read again, a removal, and a refused limit shown under its field.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountImportResult } from '../../lib/bindings';
import { hostContext } from '../../lib/ipc/context';
import { createFakeHost } from '../../lib/ipc/fake';
import AccountsView from './AccountsView.svelte';
import { headingMapping } from './mapping';

const AWS: AccountImportResult = {
  format: 'aws_credential_report',
  system: 'AWS',
  file_name: 'report.csv',
  sha256: 'ab'.repeat(32),
  taken_on: '2026-11-30',
  headings: ['user', 'mfa_active'],
  columns: [{ column: 'user', read_as: 'account' }, { column: 'mfa_active', read_as: 'MFA' }],
  not_shown: [],
  accounts: 3,
  problems: [],
  findings: [
    {
      check: 'leaver_active',
      question_id: 'access.deprovisioning',
      import_id: '',
      system: 'AWS',
      taken_on: '2026-11-30',
      live_exposure: true,
      summary: "AWS's account export of 30 Nov 2026: 1 leaver account still active (line 4).",
      accounts: [{ line: 4, account: 'ben.okafor', note: 'Ben Okafor left on 1 Oct 2026' }],
    },
  ],
  import_id: null,
};

async function company() {
  const host = createFakeHost();
  const { id } = await host.createAssessment('Acme', 'type2', 'full');
  return { host, id };
}

describe('AccountsView', () => {
  afterEach(cleanup);

  it('previews a dropped report with what it finds, keeps it, and lists the finding with its row', async () => {
    const { host, id } = await company();
    host.stageAccountFile('/tmp/report.csv', AWS);
    render(AccountsView, { props: { assessmentId: id }, context: hostContext(host) });
    await screen.findByTestId('accounts-none');
    host.dropFiles(['/tmp/report.csv']);
    expect((await screen.findByTestId('accounts-recognised')).textContent).toContain('AWS IAM credential report, 3 accounts');
    expect(host.calls).toContain('import accounts /tmp/report.csv (preview)');
    expect(screen.getByTestId('accounts-findings').textContent).toBe('');
    await fireEvent.input(screen.getByTestId('accounts-system'), { target: { value: 'AWS production' } });
    await fireEvent.click(screen.getByTestId('accounts-keep'));
    expect((await screen.findByTestId('accounts-kept')).textContent).toContain('1 finding');
    const findings = screen.getByTestId('accounts-findings');
    await vi.waitFor(() => expect(findings.textContent).toContain('ben.okafor'));
    expect(findings.textContent).toContain('Fix now');
    expect(screen.getByTestId('accounts-imports').textContent).toContain('AWS production');

    await fireEvent.click(screen.getByRole('button', { name: /Remove the AWS production import/ }));
    await fireEvent.click(await screen.findByRole('button', { name: /Confirm: remove the AWS production import/ }));
    await screen.findByTestId('accounts-none');
  });

  it('lets an unrecognised file be mapped column by column, and sends the mapping', async () => {
    const { host, id } = await company();
    host.stageAccountFile('/tmp/vpn.csv', {
      ...AWS,
      format: null,
      headings: ['Username', 'Two factor'],
      columns: [],
      findings: [],
      problems: [{ line: 1, column: '', message: 'the columns (Username, Two factor) are not a layout we know' }],
    });
    render(AccountsView, { props: { assessmentId: id }, context: hostContext(host) });
    await screen.findByTestId('accounts-none');
    host.dropFiles(['/tmp/vpn.csv']);
    expect((await screen.findByTestId('accounts-problems')).textContent).toContain('Line 1: the columns (Username, Two factor)');
    expect((screen.getByTestId('accounts-keep') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.change(screen.getByTestId('map-Username'), { target: { value: 'account' } });
    await fireEvent.change(screen.getByTestId('map-Two factor'), { target: { value: 'mfa' } });
    await fireEvent.click(screen.getByTestId('accounts-reread'));
    await vi.waitFor(() => expect(host.calls).toContain('import accounts /tmp/vpn.csv (preview) [["Username","account"],["Two factor","mfa"]]'));
  });

  it('shows a refused limit under its field, and a day that is not a date before any call', async () => {
    const { host, id } = await company();
    host.stageAccountFile('/tmp/report.csv', AWS);
    render(AccountsView, { props: { assessmentId: id }, context: hostContext(host) });
    await screen.findByTestId('accounts-none');
    await fireEvent.input(screen.getByTestId('accounts-rotation'), { target: { value: '2' } });
    await fireEvent.click(screen.getByTestId('accounts-save-limits'));
    expect((await screen.findByTestId('accounts-rotation-error')).textContent).toContain('from 7 to 1095 days');

    host.dropFiles(['/tmp/report.csv']);
    await screen.findByTestId('accounts-recognised');
    await fireEvent.input(screen.getByTestId('accounts-taken'), { target: { value: 'next tuesday' } });
    const before = host.calls.length;
    await fireEvent.click(screen.getByTestId('accounts-keep'));
    expect((await screen.findByTestId('accounts-taken-error')).textContent).toContain('2026-11-30');
    expect(host.calls.length).toBe(before);
  });

  it('sends only the columns a person named', () => {
    expect(headingMapping({ User: 'account', Notes: '', MFA: 'mfa' })).toEqual([
      ['User', 'account'],
      ['MFA', 'mfa'],
    ]);
  });
});
