package telemetry

import (
	"regexp"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// otherLabel is the label value that replaces anything outside a label's
// known set, keeping cardinality bounded whatever users or servers send.
const otherLabel = "other"

var (
	knownPlatforms = labelSet("slack", "matrix", "console")
	// knownVerbs mirrors the verbs documented on adapters.Request.
	knownVerbs = labelSet("who", "quotes", "digest", "feeds", "subscribe", "unsubscribe", "help")
	// reasonPattern admits the short snake_case words that ingest.Reason and
	// the bot use as failure reasons, and no error text.
	reasonPattern = regexp.MustCompile(`^[a-z][a-z_]{0,31}$`)
)

func labelSet(values ...string) map[string]bool {
	set := make(map[string]bool, len(values))
	for _, v := range values {
		set[v] = true
	}
	return set
}

// bounded returns value when it belongs to known, otherwise "other".
func bounded(known map[string]bool, value string) string {
	if known[value] {
		return value
	}
	return otherLabel
}

// Metrics holds every attache metric on its own registry. A nil *Metrics is
// valid and records nothing, so code paths without telemetry (tests, one-shot
// CLI commands) need no guard.
type Metrics struct {
	registry *prometheus.Registry

	articlesIngested  *prometheus.CounterVec
	extractionSeconds prometheus.Histogram
	overBudget        *prometheus.CounterVec
	fetchFailures     *prometheus.CounterVec
	digestsPosted     *prometheus.CounterVec
	digestsFailed     *prometheus.CounterVec
	rateLimitWaits    *prometheus.CounterVec
	rateLimitWaitSecs *prometheus.CounterVec
	commands          *prometheus.CounterVec
	commandSeconds    *prometheus.HistogramVec
	undecryptable     prometheus.Counter
	keysShared        *prometheus.CounterVec
}

// knownKeyShareReasons are the Matrix adapter's reasons for sharing a room key.
var knownKeyShareReasons = labelSet("new_session", "key_request")

// NewMetrics creates the metrics and registers them, with the Go runtime and
// process collectors, on a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		articlesIngested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_articles_ingested_total",
			Help: "Articles newly stored, by configured source name.",
		}, []string{"source"}),
		extractionSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "attache_extraction_seconds",
			Help: "Time spent extracting actors and quotes from one article.",
			// Extraction is CPU-bound text work: milliseconds normally,
			// seconds only for pathological pages.
			Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 10),
		}),
		overBudget: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_extractions_over_budget_total",
			Help: "Articles whose extraction was cut short by bot.extract_budget (stored with what was found), by source name.",
		}, []string{"source"}),
		fetchFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_source_fetch_failures_total",
			Help: "Failed source polls, by source name and reason (see ingest.Reason).",
		}, []string{"source", "reason"}),
		digestsPosted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_digests_posted_total",
			Help: "Digests delivered completely, by platform.",
		}, []string{"platform"}),
		digestsFailed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_digests_failed_total",
			Help: "Digest deliveries that failed (to be retried), by platform.",
		}, []string{"platform"}),
		rateLimitWaits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_rate_limit_waits_total",
			Help: "Times a platform rate limit was waited out, by platform.",
		}, []string{"platform"}),
		rateLimitWaitSecs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_rate_limit_wait_seconds_total",
			Help: "Time spent waiting out platform rate limits, by platform.",
		}, []string{"platform"}),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_commands_total",
			Help: "Chat commands handled, by platform and verb.",
		}, []string{"platform", "verb"}),
		commandSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "attache_command_seconds",
			Help:    "Time to answer a chat command, by verb.",
			Buckets: prometheus.DefBuckets,
		}, []string{"verb"}),
		undecryptable: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "attache_matrix_undecryptable_messages_total",
			Help: "Encrypted Matrix messages the bot could not decrypt.",
		}),
		keysShared: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_matrix_room_keys_shared_total",
			Help: "Megolm room keys the bot shared: new_session with a room's devices, key_request answering a request.",
		}, []string{"reason"}),
	}
	m.registry.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.articlesIngested,
		m.extractionSeconds,
		m.overBudget,
		m.fetchFailures,
		m.digestsPosted,
		m.digestsFailed,
		m.rateLimitWaits,
		m.rateLimitWaitSecs,
		m.commands,
		m.commandSeconds,
		m.undecryptable,
		m.keysShared,
	)
	return m
}

// Registry is the registry holding the metrics, for tests and for callers
// that add collectors of their own.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.registry
}

// ArticleIngested counts one newly stored article from the named source.
// Source names come from the configuration, so the label stays bounded.
func (m *Metrics) ArticleIngested(source string) {
	if m == nil {
		return
	}
	m.articlesIngested.WithLabelValues(source).Inc()
}

// Extracted records how long one article's extraction took.
func (m *Metrics) Extracted(d time.Duration) {
	if m == nil {
		return
	}
	m.extractionSeconds.Observe(d.Seconds())
}

// ExtractionOverBudget counts an article from source whose extraction ran
// out of its budget.
func (m *Metrics) ExtractionOverBudget(source string) {
	if m == nil {
		return
	}
	m.overBudget.WithLabelValues(source).Inc()
}

// SourceFailed counts a failed poll of source. reason is a short word such as
// ingest.Reason returns ("timeout", "too_large", "http_status"); anything
// else, error text in particular, counts as "other".
func (m *Metrics) SourceFailed(source, reason string) {
	if m == nil {
		return
	}
	if !reasonPattern.MatchString(reason) {
		reason = otherLabel
	}
	m.fetchFailures.WithLabelValues(source, reason).Inc()
}

// DigestPosted counts a digest delivered completely on platform.
func (m *Metrics) DigestPosted(platform string) {
	if m == nil {
		return
	}
	m.digestsPosted.WithLabelValues(bounded(knownPlatforms, platform)).Inc()
}

// DigestFailed counts a digest delivery that failed on platform.
func (m *Metrics) DigestFailed(platform string) {
	if m == nil {
		return
	}
	m.digestsFailed.WithLabelValues(bounded(knownPlatforms, platform)).Inc()
}

// RateLimitWaited counts one rate-limit wait of d on platform.
func (m *Metrics) RateLimitWaited(platform string, d time.Duration) {
	if m == nil {
		return
	}
	platform = bounded(knownPlatforms, platform)
	m.rateLimitWaits.WithLabelValues(platform).Inc()
	m.rateLimitWaitSecs.WithLabelValues(platform).Add(d.Seconds())
}

// RateLimitHook returns a function reporting rate-limit waits on platform,
// shaped for the adapters' OnRateLimit options.
func (m *Metrics) RateLimitHook(platform string) func(time.Duration) {
	return func(d time.Duration) { m.RateLimitWaited(platform, d) }
}

// CommandHandled counts one chat command and records how long it took. The
// verb is what a user typed, so unknown verbs are folded into "other".
func (m *Metrics) CommandHandled(platform, verb string, d time.Duration) {
	if m == nil {
		return
	}
	verb = bounded(knownVerbs, verb)
	m.commands.WithLabelValues(bounded(knownPlatforms, platform), verb).Inc()
	m.commandSeconds.WithLabelValues(verb).Observe(d.Seconds())
}

// MatrixUndecryptable counts one encrypted Matrix message that could not be
// decrypted.
func (m *Metrics) MatrixUndecryptable() {
	if m == nil {
		return
	}
	m.undecryptable.Inc()
}

// MatrixKeysShared counts one room key shared, by reason ("new_session",
// "key_request"; anything else is "other").
func (m *Metrics) MatrixKeysShared(reason string) {
	if m == nil {
		return
	}
	m.keysShared.WithLabelValues(bounded(knownKeyShareReasons, reason)).Inc()
}
