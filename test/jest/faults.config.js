// Fault tests: the built engine as real processes, with throwaway servers that the tests stop.
module.exports = {
  ...require('./base.config'),
  ...require('./one-at-a-time'),
  roots: ['<rootDir>/test/faults'],
  testRegex: '.*\\.fault-spec\\.ts$',
  testTimeout: 300_000,
};
