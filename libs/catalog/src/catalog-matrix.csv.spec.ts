import { CatalogAction, MatrixTable, Party, Plan } from './catalog.types';
import { matrixToCsv } from './catalog-matrix.csv';

function tableWithTitle(title: string): MatrixTable {
  const action: CatalogAction = {
    key: 'backup.restore',
    product: 'backup',
    title,
    plans: [Plan.SelfService],
    raci: { [Party.Provider]: ['R'], [Party.Customer]: ['A'] },
    requestable: true,
    approvedBySubmission: false,
    performer: { default: Party.Provider },
  };
  return { product: 'backup', title: 'Backup', file: 'backup.csv', actions: [action] };
}

/** The title cell of the only data row, unquoted the way a spreadsheet reads it. */
function titleCell(title: string): string {
  const [, dataRow] = matrixToCsv([tableWithTitle(title)]).split('\r\n');
  const afterKey = dataRow.slice('backup,backup.restore,'.length);
  if (!afterKey.startsWith('"')) return afterKey.slice(0, afterKey.indexOf(','));
  const end = afterKey.indexOf('",');
  return afterKey.slice(1, end).replace(/""/g, '"');
}

describe('matrixToCsv', () => {
  it.each(['=SUM(A1)', '+1', '-1', '@cmd', '\t=SUM(A1)', '\r=SUM(A1)'])(
    'neutralizes a cell a spreadsheet would read as a formula: %j',
    (title) => {
      expect(titleCell(title)).toBe(`'${title}`);
    },
  );

  it('leaves ordinary text as it is', () => {
    expect(titleCell('Restore a backup')).toBe('Restore a backup');
  });

  it('quotes cells holding commas, quotes and line breaks', () => {
    expect(titleCell('Restore, then "check"')).toBe('Restore, then "check"');
  });
});
