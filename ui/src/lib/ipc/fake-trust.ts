// The fake host's trust page: each control question of the fake bank is a claim, published when answered documented or better with no exception, as the engine decides for the simple cases tests use.
import type { AssessmentRecord, Bank, TrustChoices, TrustPage, TrustPageView } from '../bindings';
import type { Host } from './host';

type TrustHost = Pick<Host, 'getTrustPage' | 'setTrustChoices' | 'exportTrustPage'>;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An organisation's programme as the engine keys it: "Acme Ltd" and " acme  ltd" are one. */
export const programmeKey = (organisation: string) => organisation.split(/\s+/).filter(Boolean).join(' ').toLowerCase();

export function fakeTrust(bank: Bank, judged: (id: string) => { record: AssessmentRecord }, today: () => string, calls: string[]): TrustHost {
  const kept = new Map<string, TrustChoices>();
  const programme = (id: string) => programmeKey(judged(id).record.assessment.organisation);
  const choicesOf = (id: string): TrustChoices =>
    kept.get(programme(id)) ?? { held: [], hide_subprocessors: false, hide_policies: false, uptime: null, contact: null };
  const page = (id: string): TrustPage => {
    const { record } = judged(id);
    const choices = choicesOf(id);
    const claims = bank.questions
      .filter((q) => q.kind === 'control')
      .map((q) => {
        const answer = record.answers[q.id];
        const level = answer && 'level' in answer.value ? answer.value.level : null;
        const supported = level !== null && level >= 3 && !answer?.exception;
        const held = choices.held.includes(q.id);
        const reason = !supported ? (answer ? 'the answer says it is not yet in place and documented' : 'not answered yet') : held ? 'you chose not to publish it' : null;
        return { question_id: q.id, group: q.topic, text: q.text, basis: supported ? (level === 4 ? ('evidenced' as const) : ('documented' as const)) : null, published: reason === null, reason };
      });
    const published = claims.filter((c) => c.published);
    const groups = [...new Set(published.map((c) => c.group))].map((group) => ({
      id: group,
      title: group,
      claims: published.filter((c) => c.group === group).map((c) => ({ question_id: c.question_id, text: c.text, basis: c.basis! })),
    }));
    return {
      organisation: record.assessment.organisation,
      as_of: today(),
      self_assessed: true,
      status: 'SOC 2 Type II report planned for Q3 2027',
      categories: ['Security'],
      groups,
      subprocessors: choices.hide_subprocessors ? null : [],
      policies: choices.hide_policies ? null : [],
      uptime: null,
      contact: choices.contact,
      held_back: claims.filter((c) => c.reason).map((c) => ({ item: c.text, reason: c.reason!, chosen: c.basis !== null, question_id: c.question_id })),
      claims,
      wording: '1',
    };
  };
  const view = (id: string): TrustPageView => {
    const shown = page(id);
    const items = shown.groups.flatMap((g) => g.claims.map((c) => `<li>${escape(c.text)}</li>`)).join('');
    return { page: shown, choices: choicesOf(id), preview: `<style>.trust{color:#1f2937}</style><div class="trust"><h1>${escape(shown.organisation)}: security overview</h1><ul>${items}</ul></div>` };
  };
  return {
    getTrustPage: async (id) => view(id),
    setTrustChoices: async (id, choices) => {
      const contact = choices.contact?.trim() || null;
      if (contact && !contact.startsWith('https://') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact)) {
        throw { kind: 'invalid_input', field: 'contact', message: 'an email address (security@example.com) or an https:// page' };
      }
      kept.set(programme(id), { ...choices, contact });
      return view(id);
    },
    exportTrustPage: async (id, path, format) => {
      calls.push(`export trust ${format} ${path}`);
      return { path, claims: page(id).groups.reduce((n, g) => n + g.claims.length, 0), opened: false };
    },
  };
}
