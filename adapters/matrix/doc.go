// Package matrix is attache's Matrix adapter, built on mautrix-go. It renders
// digests and command replies as m.notice messages (sanitised HTML plus a
// plain body, never pinging anyone), delivers them to rooms by ID or alias
// while honouring the homeserver's rate limits, and runs the sync loop that
// turns `!who`-style commands into adapters.Requests, and joins rooms when an
// allowed user invites the bot. With encryption on (built with the goolm tag)
// the sync loop also runs mautrix-go's Olm machine, kept in attache's
// database: it decrypts commands and encrypts what the bot posts to encrypted
// rooms, and because it lives with the loop, only the replica running the
// loop delivers then; with encryption off the bot says once in an encrypted
// room that it cannot read it. The sync token is kept in a StateStore so a
// restart neither replays nor misses commands. Choosing, ranking and answering belong to the
// digest and bot packages; this package only renders, delivers and receives.
package matrix
