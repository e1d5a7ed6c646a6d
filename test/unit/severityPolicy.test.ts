import * as assert from 'node:assert/strict';
import { lineRange, type Finding, type FindingCode } from '../../src/core/findings';
import { CI_SEVERITY_POLICY, editorSeverityPolicy, severityFor } from '../../src/core/severityPolicy';

const finding = (code: FindingCode, severity: Finding['severity'] = 'warning'): Finding => ({ code, severity, file: 'plan.md', range: lineRange(0), args: {} });

describe('the severity policy', () => {
  it('reports unanswered questions as the setting says in the editor, and as information in CI', () => {
    const unanswered = finding('question.unanswered', 'info');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('information')), 'info');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('hint')), 'hint');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('off')), undefined);
    assert.equal(severityFor(unanswered, CI_SEVERITY_POLICY), 'info');
  });

  it('makes a document without a loaded guide a warning in the editor and an error in CI', () => {
    for (const code of ['document.noGuide', 'document.unknownGuide'] as const) {
      assert.equal(severityFor(finding(code), editorSeverityPolicy('information')), 'warning');
      assert.equal(severityFor(finding(code), CI_SEVERITY_POLICY), 'error');
    }
  });

  it('leaves every other finding at the severity the core gave it, in both front ends', () => {
    for (const f of [finding('marker.duplicate'), finding('document.conflict', 'error'), finding('file.notRegular', 'info')]) {
      assert.equal(severityFor(f, editorSeverityPolicy('off')), f.severity);
      assert.equal(severityFor(f, CI_SEVERITY_POLICY), f.severity);
    }
  });
});
