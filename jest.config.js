// Unit tests: `*.spec.ts` beside the code.
module.exports = {
  ...require('./test/jest/base.config'),
  roots: [
    '<rootDir>/apps',
    '<rootDir>/libs',
    '<rootDir>/test/contract',
    '<rootDir>/test/deployment',
  ],
  testRegex: '.*\\.spec\\.ts$',
};
