// Package urlsafe is attache's one URL policy, shared by every surface that
// shows a URL. Link decides which URLs may become a clickable link in chat or
// on the console (http and https only, no user info, a host of valid syntax,
// and an output that re-parses to the same link and holds no character a
// chat markup could read as syntax). Redact is the one way a URL is shown
// where credentials must not leak — logs, metric labels, errors and chat
// replies: user info and credential-looking query parameters are replaced.
// Keeping both here means Slack, Matrix and the console cannot drift apart
// again, as the three copies of safeURL did.
package urlsafe
