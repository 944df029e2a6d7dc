import { describe, expect, it } from 'vitest';
import { formatResultJson, formatResultLine, formatSummary } from './report.js';
import type { ScenarioResult } from './types.js';

const passed: ScenarioResult = { name: 'orders over 100', passed: true, durationMs: 3 };
const failed: ScenarioResult = {
  name: 'small orders',
  passed: false,
  failedStep: 2,
  failedStepKind: 'expectWaiting',
  message: 'expected waiting [approve] but found [charge, approve]',
  durationMs: 5,
};
const unloadable: ScenarioResult = { name: 'broken', passed: false, message: 'cannot load: broken.scenario.json is not valid JSON', durationMs: 0 };

describe('report lines', () => {
  it('prints ok NAME', () => {
    expect(formatResultLine(passed)).toBe('ok orders over 100');
  });

  it('prints FAIL NAME: step K (kind): why', () => {
    expect(formatResultLine(failed)).toBe('FAIL small orders: step 2 (expectWaiting): expected waiting [approve] but found [charge, approve]');
  });

  it('prints a load failure with its reason and no step', () => {
    expect(formatResultLine(unloadable)).toBe('FAIL broken: cannot load: broken.scenario.json is not valid JSON');
  });

  it('keeps a multi-line reason on one line', () => {
    expect(formatResultLine({ ...unloadable, message: 'cannot deploy:\n  A\n  B' })).toBe('FAIL broken: cannot deploy: | A | B');
  });

  it('closes with N passed, N failed', () => {
    expect(formatSummary([passed, failed, unloadable])).toBe('1 passed, 2 failed');
    expect(formatSummary([])).toBe('0 passed, 0 failed');
  });
});

describe('--json lines', () => {
  it('hold exactly name, passed, failedStep, message, durationMs', () => {
    expect(JSON.parse(formatResultJson(failed))).toEqual({
      name: 'small orders',
      passed: false,
      failedStep: 2,
      message: 'step 2 (expectWaiting): expected waiting [approve] but found [charge, approve]',
      durationMs: 5,
    });
  });

  it('leave out failedStep and message for a passed scenario', () => {
    expect(JSON.parse(formatResultJson(passed))).toEqual({ name: 'orders over 100', passed: true, durationMs: 3 });
  });
});
