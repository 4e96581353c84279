import { csvLine } from './csv-line';

describe('csvLine', () => {
  it('quotes what needs quoting and ends the record with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it('neutralizes a cell a spreadsheet would run as a formula', () => {
    expect(csvLine(['=1+1', '+A1', '-2', '@SUM(A1)', '\t=x', 'a=b'])).toBe(
      "'=1+1,'+A1,'-2,'@SUM(A1),'\t=x,a=b\r\n",
    );
  });
});
