package telemetry

import (
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// gathered returns the families of m's registry by name.
func gathered(t *testing.T, g prometheus.Gatherer) map[string]*dto.MetricFamily {
	t.Helper()
	families, err := g.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	byName := make(map[string]*dto.MetricFamily, len(families))
	for _, f := range families {
		byName[f.GetName()] = f
	}
	return byName
}

// labelKey renders a metric's labels as "k=v,k=v" in name order.
func labelKey(m *dto.Metric) string {
	pairs := make([]string, 0, len(m.GetLabel()))
	for _, l := range m.GetLabel() {
		pairs = append(pairs, l.GetName()+"="+l.GetValue())
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}

// sample is the value of one series: a counter's value, or a histogram's
// count and sum.
type sample struct {
	value float64
	count uint64
}

func series(t *testing.T, m *Metrics, name string) map[string]sample {
	t.Helper()
	f, ok := gathered(t, m.Registry())[name]
	if !ok {
		return nil
	}
	out := map[string]sample{}
	for _, metric := range f.GetMetric() {
		switch {
		case metric.Counter != nil:
			out[labelKey(metric)] = sample{value: metric.GetCounter().GetValue()}
		case metric.Histogram != nil:
			h := metric.GetHistogram()
			out[labelKey(metric)] = sample{value: h.GetSampleSum(), count: h.GetSampleCount()}
		}
	}
	return out
}

func TestMetricsRecording(t *testing.T) {
	tests := []struct {
		name   string
		record func(m *Metrics)
		metric string
		want   map[string]sample
	}{
		{
			name: "articles by source",
			record: func(m *Metrics) {
				m.ArticleIngested("quai-dorsay")
				m.ArticleIngested("quai-dorsay")
				m.ArticleIngested("un-news")
			},
			metric: "attache_articles_ingested_total",
			want:   map[string]sample{"source=quai-dorsay": {value: 2}, "source=un-news": {value: 1}},
		},
		{
			name: "extraction histogram",
			record: func(m *Metrics) {
				m.Extracted(20 * time.Millisecond)
				m.Extracted(30 * time.Millisecond)
			},
			metric: "attache_extraction_seconds",
			want:   map[string]sample{"": {value: 0.05, count: 2}},
		},
		{
			name: "extractions over budget by source",
			record: func(m *Metrics) {
				m.ExtractionOverBudget("un-news")
				m.ExtractionOverBudget("un-news")
			},
			metric: "attache_extractions_over_budget_total",
			want:   map[string]sample{"source=un-news": {value: 2}},
		},
		{
			name: "fetch failures keep reasons bounded",
			record: func(m *Metrics) {
				m.SourceFailed("un-news", "timeout")
				m.SourceFailed("un-news", "too_large")
				m.SourceFailed("un-news", "timeout")
				m.SourceFailed("quai-dorsay", "dial tcp 203.0.113.9:443: connection refused")
				m.SourceFailed("quai-dorsay", "")
				m.SourceFailed("quai-dorsay", "Timeout")
			},
			metric: "attache_source_fetch_failures_total",
			want: map[string]sample{
				"reason=timeout,source=un-news":   {value: 2},
				"reason=too_large,source=un-news": {value: 1},
				"reason=other,source=quai-dorsay": {value: 3},
			},
		},
		{
			name: "digests posted",
			record: func(m *Metrics) {
				m.DigestPosted("slack")
				m.DigestPosted("matrix")
				m.DigestPosted("matrix")
			},
			metric: "attache_digests_posted_total",
			want:   map[string]sample{"platform=slack": {value: 1}, "platform=matrix": {value: 2}},
		},
		{
			name: "digests failed with an unknown platform",
			record: func(m *Metrics) {
				m.DigestFailed("console")
				m.DigestFailed("irc")
			},
			metric: "attache_digests_failed_total",
			want:   map[string]sample{"platform=console": {value: 1}, "platform=other": {value: 1}},
		},
		{
			name: "rate limit waits counted",
			record: func(m *Metrics) {
				m.RateLimitWaited("slack", 3*time.Second)
				m.RateLimitWaited("slack", 1500*time.Millisecond)
			},
			metric: "attache_rate_limit_waits_total",
			want:   map[string]sample{"platform=slack": {value: 2}},
		},
		{
			name: "rate limit wait seconds summed, through the adapter hook",
			record: func(m *Metrics) {
				hook := m.RateLimitHook("slack")
				hook(3 * time.Second)
				hook(1500 * time.Millisecond)
			},
			metric: "attache_rate_limit_wait_seconds_total",
			want:   map[string]sample{"platform=slack": {value: 4.5}},
		},
		{
			name: "commands by platform and verb, forged verbs folded",
			record: func(m *Metrics) {
				m.CommandHandled("slack", "who", time.Millisecond)
				m.CommandHandled("matrix", "who", time.Millisecond)
				m.CommandHandled("matrix", "'; DROP TABLE people; --", time.Millisecond)
				m.CommandHandled("matrix", "WHO", time.Millisecond) // adapters lower-case verbs; raw case is not a verb
			},
			metric: "attache_commands_total",
			want: map[string]sample{
				"platform=slack,verb=who":    {value: 1},
				"platform=matrix,verb=who":   {value: 1},
				"platform=matrix,verb=other": {value: 2},
			},
		},
		{
			name: "command latency by verb",
			record: func(m *Metrics) {
				m.CommandHandled("slack", "quotes", 100*time.Millisecond)
				m.CommandHandled("matrix", "quotes", 300*time.Millisecond)
			},
			metric: "attache_command_seconds",
			want:   map[string]sample{"verb=quotes": {value: 0.4, count: 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMetrics()
			tt.record(m)
			got := series(t, m, tt.metric)
			if len(got) != len(tt.want) {
				t.Fatalf("%s series = %v, want %v", tt.metric, got, tt.want)
			}
			for labels, want := range tt.want {
				g, ok := got[labels]
				if !ok {
					t.Fatalf("%s{%s} missing; have %v", tt.metric, labels, got)
				}
				if diff := g.value - want.value; diff > 1e-9 || diff < -1e-9 || g.count != want.count {
					t.Errorf("%s{%s} = %+v, want %+v", tt.metric, labels, g, want)
				}
			}
		})
	}
}

func TestMetricsOwnRegistry(t *testing.T) {
	// Two instances must coexist (the global registry would panic on the
	// duplicate registration) and neither may leak into the default registry.
	a, b := NewMetrics(), NewMetrics()
	a.ArticleIngested("x")
	if got := series(t, b, "attache_articles_ingested_total"); len(got) != 0 {
		t.Errorf("second registry sees the first one's samples: %v", got)
	}
	for name := range gathered(t, prometheus.DefaultGatherer) {
		if strings.HasPrefix(name, "attache_") {
			t.Errorf("default registry holds %s", name)
		}
	}
	families := gathered(t, a.Registry())
	want := []string{"go_goroutines", "attache_articles_ingested_total"}
	if runtime.GOOS == "linux" {
		want = append(want, "process_resident_memory_bytes")
	}
	for _, name := range want {
		if _, ok := families[name]; !ok {
			t.Errorf("registry lacks %s", name)
		}
	}
}

func TestNilMetricsRecordNothing(t *testing.T) {
	var m *Metrics
	m.ArticleIngested("x")
	m.Extracted(time.Second)
	m.SourceFailed("x", "parse")
	m.RateLimitHook("matrix")(time.Second)
	m.DigestPosted("slack")
	m.DigestFailed("slack")
	m.RateLimitWaited("slack", time.Second)
	m.CommandHandled("slack", "who", time.Second)
	m.MatrixUndecryptable()
	m.MatrixKeysShared("new_session")
	if m.Registry() != nil {
		t.Error("nil Metrics has a registry")
	}
}

func TestMatrixCryptoMetrics(t *testing.T) {
	m := NewMetrics()
	m.MatrixUndecryptable()
	m.MatrixUndecryptable()
	for _, reason := range []string{"new_session", "new_session", "key_request", "a reason from elsewhere"} {
		m.MatrixKeysShared(reason)
	}
	if got := series(t, m, "attache_matrix_undecryptable_messages_total")[""].value; got != 2 {
		t.Errorf("undecryptable = %v, want 2", got)
	}
	want := map[string]float64{"reason=new_session": 2, "reason=key_request": 1, "reason=other": 1}
	got := series(t, m, "attache_matrix_room_keys_shared_total")
	for k, v := range want {
		if got[k].value != v {
			t.Errorf("keys shared %s = %v, want %v (all: %v)", k, got[k].value, v, got)
		}
	}
}
