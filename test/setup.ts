// Shared test setup. Tests must never reach the network: the GitHub API is
// played by nock or by a local HTTP server, databases run on loopback.
import nock from 'nock';

nock.disableNetConnect();
// Local servers (the fake GitHub of the Action's end-to-end tests, Probot's
// server, PostgreSQL) answer on loopback.
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
