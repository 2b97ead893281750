package bot

import "time"

// Observer is told what the service does, for metrics. The telemetry package
// implements it; every method must be cheap and safe for concurrent use.
type Observer interface {
	// ArticleIngested is called once per newly stored article.
	ArticleIngested(source string)
	// Extracted reports how long one article's extraction took.
	Extracted(d time.Duration)
	// ExtractionOverBudget is called once per article whose extraction
	// was cut short by bot.extract_budget (stored with what was found).
	ExtractionOverBudget(source string)
	// SourceFailed is called once per failed poll, with ingest.Reason(err)
	// ("timeout", "too_large", "http_status", "store", ...).
	SourceFailed(source, reason string)
	// DigestPosted and DigestFailed are called once per digest run that
	// delivered (or failed to deliver) at least one message.
	DigestPosted(platform string)
	DigestFailed(platform string)
	// RateLimitWaited is called once per platform rate limit a delivery
	// waits out, with the wait.
	RateLimitWaited(platform string, d time.Duration)
	// CommandHandled is called once per chat command.
	CommandHandled(platform, verb string, d time.Duration)
}

// nopObserver is the Observer used when none is given.
type nopObserver struct{}

func (nopObserver) ArticleIngested(string)                       {}
func (nopObserver) Extracted(time.Duration)                      {}
func (nopObserver) ExtractionOverBudget(string)                  {}
func (nopObserver) SourceFailed(string, string)                  {}
func (nopObserver) DigestPosted(string)                          {}
func (nopObserver) DigestFailed(string)                          {}
func (nopObserver) RateLimitWaited(string, time.Duration)        {}
func (nopObserver) CommandHandled(string, string, time.Duration) {}
