// Package telemetry owns attache's operational signals: the Prometheus
// metrics (on a registry of their own, never the global default), the
// /metrics HTTP handler with its optional bearer token, and the slog logger
// whose attribute filter keeps tokens, passwords and DSN credentials out of
// every log line. The bot calls the recording methods; nothing here knows how
// articles, digests or commands are produced.
package telemetry
