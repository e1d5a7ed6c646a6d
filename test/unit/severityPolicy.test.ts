import * as assert from 'node:assert/strict';
import { lineRange, type Finding, type FindingCode } from '../../src/core/findings';
import { CI_SEVERITY_POLICY, editorSeverityPolicy, severityFor, unansweredLevelFor } from '../../src/core/severityPolicy';

const finding = (code: FindingCode, severity: Finding['severity'] = 'warning'): Finding => ({ code, severity, file: 'plan.md', range: lineRange(0), args: {} });

describe('the severity policy', () => {
  const unanswered = finding('question.unanswered', 'info');

  it("lets a document's status decide how loud an unanswered question is: a hint while drafted, information in review, a warning once final", () => {
    for (const policy of [editorSeverityPolicy(), editorSeverityPolicy('status'), CI_SEVERITY_POLICY]) {
      assert.equal(severityFor(unanswered, policy, undefined), 'hint');
      assert.equal(severityFor(unanswered, policy, 'draft'), 'hint');
      assert.equal(severityFor(unanswered, policy, 'review'), 'info');
      assert.equal(severityFor(unanswered, policy, 'Final'), 'warning');
      assert.equal(severityFor(unanswered, policy, 'godkendt'), 'info', "a status of the team's own counts as review");
    }
    assert.equal(unansweredLevelFor(' draft '), 'hint');
  });

  it('lets a level the user set override the status in the editor', () => {
    assert.equal(severityFor(unanswered, editorSeverityPolicy('information'), 'draft'), 'info');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('warning'), 'draft'), 'warning');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('hint'), 'final'), 'hint');
    assert.equal(severityFor(unanswered, editorSeverityPolicy('off'), 'final'), undefined);
  });

  it('makes a document without a loaded guide a warning in the editor and an error in CI', () => {
    for (const code of ['document.noGuide', 'document.unknownGuide'] as const) {
      assert.equal(severityFor(finding(code), editorSeverityPolicy('information'), 'draft'), 'warning');
      assert.equal(severityFor(finding(code), CI_SEVERITY_POLICY, 'draft'), 'error');
    }
  });

  it('leaves every other finding at the severity the core gave it, in both front ends', () => {
    for (const f of [finding('marker.duplicate'), finding('document.conflict', 'error'), finding('file.notRegular', 'info')]) {
      assert.equal(severityFor(f, editorSeverityPolicy('off'), 'final'), f.severity);
      assert.equal(severityFor(f, CI_SEVERITY_POLICY, 'final'), f.severity);
    }
  });
});
