// Unit tests for formatting: percentages as the engine rounded them, and the colour bands.
import { describe, expect, it } from 'vitest';
import { band, count, describeValue, impliedControls, moduleLabel, nextStep, pct, parseDate } from './format';
import type { Bank } from './bindings';
import { FAKE_BANK, createFakeHost } from './ipc/fake';

describe('format', () => {
  it("marks a module's question with the module's title and version, and the bank's own with nothing", async () => {
    const host = createFakeHost();
    await host.addModule('/tmp/health.toml');
    const created = await host.createAssessment('Acme', 'type2', 'full', ['health']);
    const bank = await host.getAssessmentBank(created.id);
    const added = bank.questions.find((q) => q.id === 'health.baa')!;
    expect(moduleLabel(bank, added)).toBe('Health add-on 1.0');
    expect(moduleLabel(bank, bank.questions.find((q) => q.id === 'access.mfa')!)).toBeNull();
  });

  it('prints one decimal, as the CLI and the PDF do', () => {
    expect(pct(47.1)).toBe('47.1%');
    expect(pct(100)).toBe('100.0%');
    expect(pct(0)).toBe('0.0%');
    expect(pct(null)).toBe('–');
  });

  it('uses the PDF bands', () => {
    expect([null, 0, 39.9, 40, 69.9, 70, 89.9, 90, 100].map(band)).toEqual(['none', 'low', 'low', 'mid', 'mid', 'good', 'good', 'high', 'high']);
  });

  it('gives the next step from where the answer stands, as the engine does', () => {
    const question = FAKE_BANK.questions.find((q) => q.id === 'access.mfa')!;
    expect(nextStep(question, 0)).toBe('First actions for access.mfa.');
    expect(nextStep(question, 1)).toBe('First actions for access.mfa.');
    expect(nextStep(question, 2)).toBe('Write down how access.mfa is done today.');
    expect(nextStep(question, 3)).toBe('Run access.mfa every time and keep the evidence.');
    expect(nextStep(question, 4)).toBe('Run access.mfa every time and keep the evidence.');
    expect(nextStep({ remediation: 'Start.', remediation_document: null, remediation_operate: null }, 3)).toBe('Start.');
  });

  it('describes values with choice labels', () => {
    const question = FAKE_BANK.questions[0];
    expect(describeValue(question, { choice: 'type1' })).toBe('Type I');
    expect(describeValue(question, { level: 3 })).toBe('3 · In place and documented');
    expect(describeValue(question, { not_applicable: 'no office' })).toBe('Not applicable: no office');
  });

  it('reads a typed date in one go, and refuses a day that does not exist', () => {
    expect(parseDate('2027-02-28')).toBe('2027-02-28');
    expect(parseDate(' 28 Feb 2027 ')).toBe('2027-02-28');
    expect(parseDate('3 september 2027')).toBe('2027-09-03');
    expect(parseDate('')).toBeNull();
    expect(parseDate('2027-02-30')).toBeUndefined();
    expect(parseDate('28/02/2027')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
    // As the engine reads them: full names in any case and "sept", not a misspelt month, and
    // only a plausible year.
    expect(parseDate('28 FEBRUARY 2027')).toBe('2027-02-28');
    expect(parseDate('5 Sept 2027')).toBe('2027-09-05');
    expect(parseDate('28 Febxyz 2027')).toBeUndefined();
    expect(parseDate('2207-06-30')).toBeUndefined();
    expect(parseDate('0015-12-11')).toBeUndefined();
  });
});

describe('count', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(count(1, 'gap')).toBe('1 gap');
    expect(count(0, 'gap')).toBe('0 gaps');
    expect(count(3, 'changed answer')).toBe('3 changed answers');
    expect(count(2, 'foundation', 'foundations')).toBe('2 foundations');
  });
});

describe('impliedControls', () => {
  it('counts implied control questions and their foundations, never implied audit tasks', () => {
    const bank = {
      questions: [
        { id: 'ops.review', engagement: false },
        { id: 'ops.log', engagement: false },
        { id: 'audit.sample', engagement: true },
      ],
    } as unknown as Bank;
    const implied = { 'ops.review': 'policy.base', 'ops.log': 'policy.base', 'audit.sample': 'audit.firm' };
    expect(impliedControls(bank, implied)).toEqual({ questions: 2, foundations: 1 });
  });
});
