// End-to-end tests: the whole engine on real PostgreSQL (or SQLite), Redis and SMTP.
module.exports = {
  ...require('./base.config'),
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  testTimeout: 30_000,
};
