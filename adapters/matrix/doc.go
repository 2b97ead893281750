// Package matrix is attache's Matrix adapter, built on mautrix-go. It renders
// digests and command replies as m.notice messages (sanitised HTML plus a
// plain body, never pinging anyone), delivers them to rooms by ID or alias
// while honouring the homeserver's rate limits, and runs the sync loop that
// turns `!who`-style commands into adapters.Requests, joins rooms when an
// allowed user invites the bot and says once that encrypted rooms are
// unsupported. The sync token is kept in a StateStore so a restart neither
// replays nor misses commands. Choosing, ranking and answering belong to the
// digest and bot packages; this package only renders, delivers and receives.
package matrix
