package telemetry

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Handler serves the metrics in the Prometheus exposition format. When token
// is not empty, requests must carry "Authorization: Bearer <token>"; others
// get 401 without any metric.
func (m *Metrics) Handler(token string) http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	metrics := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{
		// A failing collector should not hide all the other metrics.
		ErrorHandling: promhttp.ContinueOnError,
	})
	if token == "" {
		return metrics
	}
	return requireBearer(token, metrics)
}

// requireBearer wraps next so that only requests bearing token reach it.
func requireBearer(token string, next http.Handler) http.Handler {
	// Comparing fixed-size digests keeps the comparison constant-time even
	// in the token's length.
	want := sha256.Sum256([]byte(token))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := bearerToken(r.Header.Get("Authorization"))
		gotSum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(gotSum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="attache metrics"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearerToken extracts the token of an "Authorization: Bearer" header; the
// scheme is case-insensitive (RFC 6750 section 2.1, RFC 9110 section 11.1).
func bearerToken(header string) (string, bool) {
	scheme, token, found := strings.Cut(header, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
