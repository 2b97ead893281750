package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// MetricsPath is where the metrics are served, on the main HTTP server or on
// the separate http.metrics_listen address.
const MetricsPath = "/metrics"

// metricsShutdownGrace bounds how long an in-flight scrape may delay exit.
const metricsShutdownGrace = 5 * time.Second

// ListenAndServe serves the metrics alone on addr (http.metrics_listen) until
// ctx ends, then shuts down gracefully. It suits bot.WithBackground.
func (m *Metrics) ListenAndServe(ctx context.Context, addr, token string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("telemetry: metrics listen %s: %w", addr, err)
	}
	return m.Serve(ctx, ln, token)
}

// Serve serves the metrics at MetricsPath on ln until ctx ends; every other
// path is 404. It closes ln.
func (m *Metrics) Serve(ctx context.Context, ln net.Listener, token string) error {
	mux := http.NewServeMux()
	mux.Handle("GET "+MetricsPath, m.Handler(token))
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    8 << 10,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("telemetry: metrics server on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), metricsShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("telemetry: metrics server shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("telemetry: metrics server on %s: %w", ln.Addr(), err)
	}
	return nil
}
