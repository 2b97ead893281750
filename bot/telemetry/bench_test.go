package telemetry

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"
)

// BenchmarkLogLine measures one typical log line through the redacting
// logger against the same line through a plain JSON handler, so the cost of
// redaction per line is visible.
func BenchmarkLogLine(b *testing.B) {
	attrs := []any{
		"source", "quai-dorsay", "url", "https://example.org/feed.xml",
		"new", 3, "took", 420 * time.Millisecond,
		"err", errors.New("ingest: fetch https://example.org/feed.xml: 503 Service Unavailable"),
	}
	b.Run("redacting", func(b *testing.B) {
		log := NewLogger(io.Discard, "info", "json")
		b.ReportAllocs()
		for b.Loop() {
			log.Info("polled", attrs...)
		}
	})
	b.Run("plain", func(b *testing.B) {
		log := slog.New(slog.NewJSONHandler(io.Discard, nil))
		b.ReportAllocs()
		for b.Loop() {
			log.Info("polled", attrs...)
		}
	})
}

// BenchmarkCommandHandled measures the per-command metrics cost on the hot
// path of chat commands.
func BenchmarkCommandHandled(b *testing.B) {
	m := NewMetrics()
	b.ReportAllocs()
	for b.Loop() {
		m.CommandHandled("matrix", "who", 3*time.Millisecond)
	}
}
