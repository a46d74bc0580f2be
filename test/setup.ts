// Shared test setup. Tests must never reach the network: the GitHub API is
// played by nock or by a local HTTP server, databases run on loopback.
export {};
