// The fake host's system description: a short draft per assessment (one sourced statement and one missing fact per section) with the company's versions kept per organisation, as the engine keeps them.
import type { AssessmentRecord, DescribedSection, SectionId, SectionVersion, SystemDescription } from '../bindings';
import type { Host } from './host';
import { programmeKey } from './fake-trust';

type DescriptionHost = Pick<Host, 'getSystemDescription' | 'saveDescriptionSection' | 'descriptionHistory' | 'writeDescription'>;

const SECTIONS: [SectionId, string][] = [
  ['services', 'The company and the services covered'],
  ['subservice', 'Subservice organisations and the controls expected of them'],
  ['changes', 'Significant changes'],
];

export function fakeDescription(judged: (id: string) => { record: AssessmentRecord }, now: () => string, calls: string[]): DescriptionHost {
  const kept = new Map<string, Map<SectionId, SectionVersion[]>>();
  const programme = (id: string) => programmeKey(judged(id).record.assessment.organisation);
  const versionsOf = (id: string) => kept.get(programme(id)) ?? kept.set(programme(id), new Map()).get(programme(id))!;
  const describe = (id: string): SystemDescription => {
    const { record } = judged(id);
    const organisation = record.assessment.organisation;
    const sections: DescribedSection[] = SECTIONS.map(([section, title]) => {
      const versions = versionsOf(id).get(section) ?? [];
      const latest = versions.at(-1);
      return {
        draft: {
          id: section,
          title,
          blocks: [
            { kind: 'paragraph', sentences: [{ text: `${organisation} runs the system described here.`, sources: [{ kind: 'answer', reference: 'scope.products', label: 'Answer: Which products or services will the report cover?' }] }] },
            { kind: 'missing', sentences: [{ text: `Add what ${title.toLowerCase()} needs in Registers.`, sources: [] }] },
          ],
        },
        draft_text: `${organisation} runs the system described here.\n\n[Missing] Add what ${title.toLowerCase()} needs in Registers.`,
        edited: latest?.text ? latest : null,
        versions: versions.length,
        facts_changed: false,
      };
    });
    const edited = sections.filter((s) => s.edited).length;
    return { draft: { organisation, as_of: now().slice(0, 10), report_type: 'type2', period: null, sections: sections.map((s) => s.draft) }, sections, edited, missing: sections.length - edited };
  };
  return {
    getSystemDescription: async (id) => describe(id),
    saveDescriptionSection: async (id, section, text) => {
      const clean = text?.trim() ?? null;
      if (clean === '') throw { kind: 'invalid_input', field: 'text', message: 'is empty: to use the draft again, return the section to the draft' };
      const versions = versionsOf(id).get(section) ?? [];
      if ((versions.at(-1)?.text ?? null) !== clean) {
        versions.push({ version: versions.length + 1, text: clean, saved_at: now(), draft_sha256: 'fake' });
        versionsOf(id).set(section, versions);
      }
      return describe(id);
    },
    descriptionHistory: async (id, section) => versionsOf(id).get(section) ?? [],
    writeDescription: async (id, path, format, sources) => {
      calls.push(`write description ${format ?? path.split('.').pop()} ${path}${sources ? '' : ' without sources'}`);
      return { file: path, format: format ?? (path.endsWith('.md') ? 'markdown' : 'docx'), bytes: 1, sections: SECTIONS.length, edited: 0, missing: SECTIONS.length };
    },
  };
}
