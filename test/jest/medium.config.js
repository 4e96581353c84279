// Medium tests: the real services on SQLite in memory, wired by Nest; no HTTP, no Redis.
module.exports = {
  ...require('./base.config'),
  roots: ['<rootDir>/test/medium'],
  testRegex: '.*\\.medium-spec\\.ts$',
};
