import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cellsFromLists, raciSummary, raciWarnings } from './raci.rules.ts';

describe('a task’s row', () => {
  test('one A and one R: nothing to warn', () => {
    assert.deepEqual(raciWarnings(['R', 'A', 'C', 'I']), []);
  });
  test('a department that answers for the task and does it (AR) is both', () => {
    assert.deepEqual(raciWarnings(['AR']), []);
    assert.deepEqual(raciWarnings(['AR', 'R', 'I']), []);
  });
  test('no A, two As, no R are each named', () => {
    assert.deepEqual(raciWarnings(['R', 'C']), ['noAccountable']);
    assert.deepEqual(raciWarnings(['A', 'AR']), ['manyAccountable']);
    assert.deepEqual(raciWarnings(['A', 'C', 'I']), ['noResponsible']);
    assert.deepEqual(raciWarnings([]), ['noAccountable', 'noResponsible']);
    assert.deepEqual(raciWarnings(['A', 'A', 'I']), ['manyAccountable', 'noResponsible']);
  });
  test('the summary counts complete rows and rows with warnings', () => {
    assert.deepEqual(raciSummary([['R', 'A'], ['C'], ['AR'], []]), { tasks: 4, complete: 2, withWarnings: 2 });
    assert.deepEqual(raciSummary([]), { tasks: 0, complete: 0, withWarnings: 0 });
  });
});

describe('the template’s lists as cells', () => {
  test('seed 004’s risk assessment row: one cell per department', () => {
    const cells = cellsFromLists({ responsible: ['情報セキュリティ部'], accountable: ['CISO'], consulted: ['IT部門', '法務部'], informed: ['経営層'] });
    assert.deepEqual(cells, [
      { department: 'CISO', cell: 'A' },
      { department: '情報セキュリティ部', cell: 'R' },
      { department: 'IT部門', cell: 'C' },
      { department: '法務部', cell: 'C' },
      { department: '経営層', cell: 'I' },
    ]);
    assert.deepEqual(raciWarnings(cells.map((c) => c.cell)), []);
  });
  test('the same department as R and A becomes AR; the stronger role wins over C and I; blanks are dropped', () => {
    const cells = cellsFromLists({ responsible: ['IT部門'], accountable: [' IT部門 '], consulted: ['IT部門', ''], informed: ['経営層', '経営層'] });
    assert.deepEqual(cells, [
      { department: 'IT部門', cell: 'AR' },
      { department: '経営層', cell: 'I' },
    ]);
  });
});
