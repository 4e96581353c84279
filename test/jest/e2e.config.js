// End-to-end tests: the whole engine on real PostgreSQL (or SQLite), Redis and SMTP.
module.exports = {
  ...require('./base.config'),
  ...require('./one-at-a-time'),
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.e2e-spec\\.ts$',
  // Generous: an app and its cast take about 5 s on a quiet machine, and six times that at load 12.
  testTimeout: 90_000,
};
