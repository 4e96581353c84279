// Unit tests: `*.spec.ts` beside the code (the bench's pure logic included).
module.exports = {
  ...require('./test/jest/base.config'),
  roots: [
    '<rootDir>/apps',
    '<rootDir>/libs',
    '<rootDir>/test/contract',
    '<rootDir>/test/deployment',
    '<rootDir>/bench',
  ],
  testRegex: '.*\\.spec\\.ts$',
};
