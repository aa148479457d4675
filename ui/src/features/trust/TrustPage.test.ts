// The trust page screen over the fake host: supported claims can be held back and come off the preview, unsupported ones are listed with why, and a refused contact is shown under its field.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostContext } from '../../lib/ipc/context';
import { createFakeHost } from '../../lib/ipc/fake';
import TrustPage from './TrustPage.svelte';

async function company() {
  const host = createFakeHost();
  const { id } = await host.createAssessment('Acme & <Sons>', 'type2', 'full');
  const answer = (question_id: string, level: number) =>
    host.saveAnswer({ assessment_id: id, question_id, value: { level }, note: null, owner: null, due: null, evidence: [], exception: null });
  await answer('access.mfa', 4);
  await answer('gov.code', 1);
  return { host, id };
}

describe('TrustPage', () => {
  afterEach(cleanup);

  it('holds back a supported claim on request and lists an unsupported one with its reason', async () => {
    const { host, id } = await company();
    render(TrustPage, { props: { assessmentId: id }, context: hostContext(host) });
    const mfa = (await screen.findByTestId('claim-access.mfa')) as HTMLInputElement;
    expect(mfa.checked).toBe(true);
    const shadow = () => screen.getByTestId('trust-preview').shadowRoot!;
    expect(shadow().textContent).toContain('MFA everywhere?');
    // The organisation's name reaches the preview as text, never as markup.
    expect(shadow().querySelector('h1')!.textContent).toBe('Acme & <Sons>: security overview');
    expect(screen.getByTestId('trust-held').textContent).toContain('Code of conduct?');
    expect(screen.queryByTestId('claim-gov.code')).toBeNull();

    await fireEvent.click(mfa);
    await vi.waitFor(() => expect(shadow().textContent).not.toContain('MFA everywhere?'));
    expect((await host.getTrustPage(id)).choices.held).toEqual(['access.mfa']);
  });

  it('shows a refused contact under its field and keeps what was stored', async () => {
    const { host, id } = await company();
    render(TrustPage, { props: { assessmentId: id }, context: hostContext(host) });
    const contact = (await screen.findByTestId('trust-contact')) as HTMLInputElement;
    await fireEvent.input(contact, { target: { value: 'not an address' } });
    await fireEvent.change(contact);
    expect((await screen.findByTestId('trust-contact-error')).textContent).toContain('email address');
    expect(contact.getAttribute('aria-invalid')).toBe('true');
    expect((await host.getTrustPage(id)).choices.contact).toBeNull();
    await fireEvent.input(contact, { target: { value: 'security@acme.example' } });
    await fireEvent.change(contact);
    await vi.waitFor(async () => expect((await host.getTrustPage(id)).choices.contact).toBe('security@acme.example'));
    expect(screen.queryByTestId('trust-contact-error')).toBeNull();
  });
});
