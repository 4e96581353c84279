import { importsFiles } from './deployment-import';

describe('importsFiles: whether the matrix files read at start become a new version', () => {
  it('imports them on the first start, when nothing is stored', () => {
    expect(importsFiles('h1', {})).toBe(true);
  });

  it('imports nothing when they are the files imported last', () => {
    expect(importsFiles('h1', { lastDeployment: 'h1', active: 'h1' })).toBe(false);
  });

  it('imports them when they changed since the last import', () => {
    expect(importsFiles('h2', { lastDeployment: 'h1', active: 'h1' })).toBe(true);
  });

  it('does not undo a change approved in the engine with files that predate it', () => {
    expect(importsFiles('h1', { lastDeployment: 'h1', active: 'h2' })).toBe(false);
  });

  it('takes files equal to the active version (an approved change, exported) as no change', () => {
    expect(importsFiles('h2', { lastDeployment: 'h1', active: 'h2' })).toBe(false);
  });

  it('imports files that differ from both', () => {
    expect(importsFiles('h3', { lastDeployment: 'h1', active: 'h2' })).toBe(true);
  });
});
