package bot

import (
	"context"
	"fmt"
	"github.com/attache-bot/attache/ingest"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-bot/attache/adapters"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/internal/urlsafe"
	"github.com/attache-bot/attache/store"
)

// feedServer serves testdata feeds with an ETag, answering 304 to a
// matching If-None-Match, or fails with a status when told to.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	file     string // testdata feed served
	status   int    // non-zero: answer this status instead
	requests []string
}

func newFeedServer(t *testing.T, file string) *feedServer {
	fs := &feedServer{file: file}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	file, status := fs.file, fs.status
	fs.requests = append(fs.requests, r.Header.Get("If-None-Match"))
	fs.mu.Unlock()
	if status != 0 {
		http.Error(w, "broken", status)
		return
	}
	etag := `"` + file + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(body)
}

func (fs *feedServer) set(file string, status int) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.file, fs.status = file, status
}

// conditionals is the If-None-Match header of every request so far.
func (fs *feedServer) conditionals() []string {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return append([]string(nil), fs.requests...)
}

// pollNow runs one poller pass and waits for the polls it started.
func pollNow(t *testing.T, s *Service) {
	t.Helper()
	s.pollDue(context.Background())
	s.poll.wg.Wait()
}

func sourceState(t *testing.T, st store.Store, src string) store.SourceState {
	t.Helper()
	state, err := st.SourceState(context.Background(), src)
	if err != nil {
		t.Fatalf("source state %s: %v", src, err)
	}
	return state
}

func articleCount(t *testing.T, st store.Store) int {
	t.Helper()
	arts, err := st.ArticlesAfter(context.Background(), 0, 0, 0)
	if err != nil {
		t.Fatalf("articles: %v", err)
	}
	return len(arts)
}

func TestPollConditionalGET(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	feed := newFeedServer(t, "feed-v1.xml")
	cfg := testConfig()
	cfg.Sources = []config.Source{{Name: "Wire", URL: feed.URL, Interval: 10 * time.Minute}}
	s := newService(t, cfg, st, nil, WithClock(clk.Now))

	pollNow(t, s)
	if got := articleCount(t, st); got != 2 {
		t.Fatalf("after the first poll: %d articles stored, want 2", got)
	}
	state := sourceState(t, st, feed.URL)
	if state.ETag != `"feed-v1.xml"` || state.Failures != 0 || state.Articles != 2 || !state.LastSuccess.Equal(clk.Now()) {
		t.Fatalf("state after the first poll = %+v", state)
	}

	// Not due yet: no request at all.
	clk.Advance(5 * time.Minute)
	pollNow(t, s)
	if n := len(feed.conditionals()); n != 1 {
		t.Fatalf("%d requests before the interval passed, want 1", n)
	}

	// Due: a conditional GET answered 304 is a success with nothing new.
	clk.Advance(10 * time.Minute)
	pollNow(t, s)
	reqs := feed.conditionals()
	if len(reqs) != 2 || reqs[1] != `"feed-v1.xml"` {
		t.Fatalf("If-None-Match headers = %q, want the stored ETag on the second request", reqs)
	}
	state = sourceState(t, st, feed.URL)
	if state.ETag != `"feed-v1.xml"` || !state.LastSuccess.Equal(clk.Now()) || state.Articles != 2 {
		t.Fatalf("state after a 304 = %+v", state)
	}

	// The feed changes: only the new item is stored.
	feed.set("feed-v2.xml", 0)
	clk.Advance(15 * time.Minute)
	pollNow(t, s)
	if got := articleCount(t, st); got != 3 {
		t.Fatalf("after the feed changed: %d articles, want 3", got)
	}
	state = sourceState(t, st, feed.URL)
	if state.ETag != `"feed-v2.xml"` || state.Articles != 3 {
		t.Fatalf("state after the change = %+v", state)
	}
	next := state.NextPoll.Sub(clk.Now())
	if next < 9*time.Minute || next > 11*time.Minute {
		t.Fatalf("next poll in %s, want the 10m interval ±10%%", next)
	}
}

func TestPollBackoffAfterFailures(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	feed := newFeedServer(t, "feed-v1.xml")
	feed.set("feed-v1.xml", http.StatusBadGateway)
	cfg := testConfig()
	cfg.Sources = []config.Source{{URL: feed.URL, Interval: 10 * time.Minute}}
	s := newService(t, cfg, st, nil, WithClock(clk.Now))

	for failures, wantDelay := range []time.Duration{10 * time.Minute, 20 * time.Minute, 40 * time.Minute, 80 * time.Minute} {
		pollNow(t, s)
		state := sourceState(t, st, feed.URL)
		if state.Failures != failures+1 {
			t.Fatalf("poll %d: failures = %d", failures+1, state.Failures)
		}
		if !strings.Contains(state.LastError, "502") {
			t.Fatalf("poll %d: last error %q does not name the status", failures+1, state.LastError)
		}
		delay := state.NextPoll.Sub(clk.Now())
		if delay < wantDelay*9/10 || delay > wantDelay*11/10 {
			t.Fatalf("poll %d: next poll in %s, want %s ±10%%", failures+1, delay, wantDelay)
		}
		// Just before the backoff ends nothing is fetched.
		clk.Set(state.NextPoll.Add(-time.Second))
		pollNow(t, s)
		if n := len(feed.conditionals()); n != failures+1 {
			t.Fatalf("poll %d: %d requests during the backoff", failures+1, n)
		}
		clk.Set(state.NextPoll)
	}

	// Recovery resets the count and clears the error.
	feed.set("feed-v1.xml", 0)
	pollNow(t, s)
	state := sourceState(t, st, feed.URL)
	if state.Failures != 0 || state.LastError != "" || state.Articles != 2 {
		t.Fatalf("after recovery: %+v", state)
	}
}

func TestPollBackoffIsCapped(t *testing.T) {
	tests := []struct {
		interval time.Duration
		failures int
		want     time.Duration
	}{
		{15 * time.Minute, 1, 15 * time.Minute},
		{15 * time.Minute, 2, 30 * time.Minute},
		{15 * time.Minute, 5, 4 * time.Hour},
		{15 * time.Minute, 6, 6 * time.Hour},
		{15 * time.Minute, 500, 6 * time.Hour},
		{24 * time.Hour, 3, 24 * time.Hour}, // never more often than the interval
	}
	for _, tt := range tests {
		if got := pollBackoff(tt.interval, tt.failures); got != tt.want {
			t.Errorf("pollBackoff(%s, %d) = %s, want %s", tt.interval, tt.failures, got, tt.want)
		}
	}
}

func TestFailingSourceDoesNotStopOthers(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	broken := newFeedServer(t, "feed-v1.xml")
	broken.set("feed-v1.xml", http.StatusInternalServerError)
	good := newFeedServer(t, "feed-v2.xml")
	dir := t.TempDir()
	cfg := testConfig()
	cfg.Sources = []config.Source{
		{Name: "Broken", URL: broken.URL, Interval: time.Hour},
		{Name: "Missing dir", Path: filepath.Join(dir, "no-such-dir"), Interval: time.Hour},
		{Name: "Good", URL: good.URL, Interval: time.Hour},
	}
	s := newService(t, cfg, st, nil, WithClock(clk.Now))
	pollNow(t, s)

	if got := articleCount(t, st); got != 3 {
		t.Fatalf("%d articles from the good source, want 3", got)
	}
	if f := sourceState(t, st, broken.URL).Failures; f != 1 {
		t.Fatalf("broken source failures = %d", f)
	}
	if f := sourceState(t, st, cfg.Sources[1].Path).Failures; f != 1 {
		t.Fatalf("missing directory failures = %d", f)
	}

	reply := s.HandleCommand(context.Background(), adapters.Request{Platform: "console", Verb: "feeds"})
	if len(reply.Lines) != 3 || !strings.Contains(reply.Text, "2 of 3 sources are failing") {
		t.Fatalf("feeds reply = %+v", reply)
	}
	if l := reply.Lines[0]; !strings.Contains(l.Text, "failing (1 in a row)") || !strings.Contains(l.Text, "500") || l.URL != broken.URL || l.Label != "Broken" {
		t.Errorf("broken source line = %+v", l)
	}
	if l := reply.Lines[1]; !strings.HasPrefix(l.Text, "Missing dir — failing") {
		t.Errorf("missing directory line = %+v", l)
	}
	if l := reply.Lines[2]; !strings.Contains(l.Text, "OK, last success 0s ago; 3 articles") {
		t.Errorf("good source line = %+v", l)
	}
}

func TestPollRespectsSourceLease(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	feed := newFeedServer(t, "feed-v1.xml")
	cfg := testConfig()
	cfg.Sources = []config.Source{{URL: feed.URL, Interval: time.Hour}}
	s := newService(t, cfg, st, nil, WithClock(clk.Now))

	ctx := context.Background()
	ok, err := st.AcquireLease(ctx, "source:"+feed.URL, "other-replica", time.Minute)
	if err != nil || !ok {
		t.Fatalf("other replica's lease: %v %v", ok, err)
	}
	pollNow(t, s)
	if n := len(feed.conditionals()); n != 0 {
		t.Fatalf("polled %d times while another replica held the lease", n)
	}
	// The other replica dies; once its lease expires this one polls.
	clk.Advance(2 * time.Minute)
	pollNow(t, s)
	if n := len(feed.conditionals()); n != 1 {
		t.Fatalf("%d polls after the lease expired, want 1", n)
	}
	// And it released its own lease afterwards.
	if ok, err := st.AcquireLease(ctx, "source:"+feed.URL, "other-replica", time.Minute); err != nil || !ok {
		t.Fatalf("lease not released after the poll: %v %v", ok, err)
	}
}

func TestPollLocalDirectoryOnlyExtractsNewFiles(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Envoys meet in Oslo\n\nEnvoys met in Oslo on Monday to discuss the truce.")
	cfg := testConfig()
	cfg.Sources = []config.Source{{Path: dir, Interval: time.Minute}}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))

	pollNow(t, s)
	clk.Advance(2 * time.Minute)
	pollNow(t, s)
	if got := articleCount(t, st); got != 1 {
		t.Fatalf("%d articles, want 1", got)
	}
	writeFile(t, dir, "b.txt", "Talks stall in Vienna\n\nTalks on the nuclear file stalled in Vienna on Tuesday.")
	clk.Advance(2 * time.Minute)
	pollNow(t, s)
	if got := articleCount(t, st); got != 2 {
		t.Fatalf("%d articles after a new file, want 2", got)
	}
	if obs.extracted() != 2 || obs.ingested() != 2 {
		t.Fatalf("extracted %d, ingested %d: an unchanged file was extracted again", obs.extracted(), obs.ingested())
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// countingObserver counts observer calls.
type countingObserver struct {
	nopObserver
	mu                  sync.Mutex
	nExtracted, nStored int
	failed              []string
	labels              []string // source labels given to ArticleIngested and SourceFailed
	failedSources       []string
	commands            []string
	overBudget          []string // source labels given to ExtractionOverBudget
}

func (o *countingObserver) Extracted(time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.nExtracted++
}

func (o *countingObserver) ExtractionOverBudget(source string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.overBudget = append(o.overBudget, source)
}

func (o *countingObserver) ArticleIngested(source string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.nStored++
	o.labels = append(o.labels, source)
}

func (o *countingObserver) SourceFailed(source, reason string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.failed = append(o.failed, reason)
	o.labels = append(o.labels, source)
	o.failedSources = append(o.failedSources, source)
}

func (o *countingObserver) CommandHandled(platform, verb string, _ time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.commands = append(o.commands, platform+"/"+verb)
}

func (o *countingObserver) extracted() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.nExtracted
}

func (o *countingObserver) ingested() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.nStored
}

func TestSubscriptionsRefusePrivateAddressesAtDialTime(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	feed := newFeedServer(t, "feed-v1.xml")
	// Stored as if its name had resolved to a public address when it was
	// subscribed (DNS rebinding): the dial-time check still refuses it.
	if _, err := st.AddSubscription(context.Background(), store.Subscription{URL: feed.URL, Channel: "slack:C1", AddedBy: "slack:U1", AddedAt: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	obs := &countingObserver{}
	s := newService(t, testConfig(), st, nil, WithClock(clk.Now), WithObserver(obs))
	pollNow(t, s)
	state := sourceState(t, st, feed.URL)
	if state.Failures != 1 || len(obs.failed) != 1 || obs.failed[0] != "private_address" {
		t.Fatalf("state %+v, failure reasons %q: want one private_address failure", state, obs.failed)
	}
	if n := len(feed.conditionals()); n != 0 || articleCount(t, st) != 0 {
		t.Fatalf("the private address was contacted (%d requests)", n)
	}

	// fetch.allow_private_urls lets it through.
	cfg := testConfig()
	cfg.Fetch.AllowPrivateURL = true
	clk.Set(state.NextPoll)
	pollNow(t, newService(t, cfg, st, nil, WithClock(clk.Now)))
	if got := articleCount(t, st); got != 2 {
		t.Fatalf("%d articles with private URLs allowed, want 2", got)
	}
}

// TestLargeFeedIsNotReExtracted: an unchanged feed costs no extraction,
// however many items it lists. The known-item memory once emptied itself
// at 5,000 keys, so the two halves of a 10,000-item feed evicted each other
// and every poll re-extracted 5,000 items; now it keeps what the feed lists.
func TestLargeFeedIsNotReExtracted(t *testing.T) {
	const items = 10_000
	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
	for i := range items {
		fmt.Fprintf(&feed, `<item><title>Note %d</title><guid>n%d</guid><link>https://wire.example/%d</link><description>Envoys met in Oslo.</description></item>`, i, i, i)
	}
	feed.WriteString(`</channel></rss>`)
	body := feed.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml") // no validators: every poll gets the whole feed
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)

	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	cfg := testConfig()
	cfg.Sources = []config.Source{{URL: srv.URL, Interval: time.Minute}}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))
	pollNow(t, s)
	if got := obs.extracted(); got != items {
		t.Fatalf("first poll extracted %d items, want %d", got, items)
	}
	for poll := 2; poll <= 3; poll++ {
		clk.Advance(2 * time.Minute)
		pollNow(t, s)
		if got := obs.extracted(); got != items {
			t.Fatalf("poll %d of the unchanged feed extracted %d items again", poll, got-items)
		}
	}
}

// TestSlowPagesDoNotHoldAPollSlot: a feed of summary-only items linking to
// pages that never answer held its poll slot for every page's fetch
// timeout in turn, starving healthy sources. The poll deadline ends the
// fetching: the items are stored with their summaries and the slot is
// free, while the healthy feed in the same pass is polled as usual.
func TestSlowPagesDoNotHoldAPollSlot(t *testing.T) {
	release := make(chan struct{})
	var slow *httptest.Server
	slow = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`)
			for i := range 30 {
				fmt.Fprintf(&b, `<item><title>Story %d</title><guid>s%d</guid><link>%s/page/%d</link><description>Envoys met in Oslo on day %d.</description></item>`, i, i, slow.URL, i, i)
			}
			b.WriteString(`</channel></rss>`)
			io.WriteString(w, b.String())
			return
		}
		select { // a page that hangs until the test ends
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(slow.Close)
	t.Cleanup(func() { close(release) })
	healthy := newFeedServer(t, "feed-v1.xml")

	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	cfg := testConfig()
	cfg.Fetch.Timeout = time.Hour // the page fetch timeout alone would hold the slot for hours
	cfg.Sources = []config.Source{{URL: slow.URL + "/feed", Interval: time.Minute}, {URL: healthy.URL, Interval: time.Minute}}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithPollDeadline(100*time.Millisecond))
	done := make(chan struct{})
	go func() {
		pollNow(t, s)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("a poll held its slot far past its deadline")
	}
	if state := sourceState(t, st, healthy.URL); state.Failures != 0 || state.LastSuccess.IsZero() {
		t.Errorf("healthy feed state %+v", state)
	}
	if state := sourceState(t, st, slow.URL+"/feed"); state.LastPolled.IsZero() {
		t.Errorf("slow feed state %+v: its poll was not recorded", state)
	}
	if got := articleCount(t, st); got != 30+2 {
		t.Errorf("%d articles stored, want the 30 slow items with their summaries and the healthy feed's 2", got)
	}
}

// Metrics label a source by its configured name when it has one, and an
// unnamed one by urlsafe.Label (host and hash), never by its URL or path.
func TestFailingSourceLabelledByName(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	cfg := testConfig()
	cfg.Sources = []config.Source{
		{Name: "Local archive", Path: filepath.Join(t.TempDir(), "missing"), Interval: time.Hour},
		{Path: filepath.Join(t.TempDir(), "also-missing"), Interval: time.Hour},
	}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))
	pollNow(t, s)
	obs.mu.Lock()
	defer obs.mu.Unlock()
	got := strings.Join(obs.failedSources, ",")
	unnamed := urlsafe.Label("", cfg.Sources[1].Path)
	if !strings.Contains(got, "Local archive") || !strings.Contains(got, unnamed) || strings.Contains(got, cfg.Sources[0].Path) || strings.Contains(got, cfg.Sources[1].Path) {
		t.Errorf("failed sources labelled %q; want the name for the named one, %q for the other", got, unnamed)
	}
}

// TestExtractionOverBudgetIsStoredAndCounted: an article whose extraction
// outruns bot.extract_budget is stored anyway, with what was found, and
// counted; it does not hold the poll. (A budget of a nanosecond is spent
// before extraction starts, so every article is over it, without timing.)
func TestExtractionOverBudgetIsStoredAndCounted(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Talks resume in Geneva\n\nForeign Minister Jean-Marc Ayrault said: \"The talks will resume next week in Geneva.\"")
	cfg := testConfig()
	cfg.Bot.ExtractBudget = time.Nanosecond
	cfg.Sources = []config.Source{{Name: "desk", Path: dir, Interval: time.Minute}}
	obs := &countingObserver{}
	s := newService(t, cfg, st, nil, WithClock(clk.Now), WithObserver(obs))
	pollNow(t, s)
	if got := articleCount(t, st); got != 1 {
		t.Fatalf("%d articles stored, want the one over budget", got)
	}
	if len(obs.overBudget) != 1 || obs.overBudget[0] != "desk" {
		t.Fatalf("over-budget reports %q, want one for desk", obs.overBudget)
	}
	if state := sourceState(t, st, dir); state.Failures != 0 {
		t.Fatalf("an article over budget failed the poll: %+v", state)
	}
}

// TestShutdownStopsExtraction: when the service stops, an extraction in
// progress ends at once and its article is not stored half-read: the next
// start reads it again.
func TestShutdownStopsExtraction(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	st := openStore(t, t.TempDir(), clk)
	dir := t.TempDir()
	obs := &countingObserver{}
	s := newService(t, testConfig(), st, nil, WithClock(clk.Now), WithObserver(obs))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := source{key: dir, name: "desk", interval: time.Minute}
	arts := []ingest.Article{{Title: "Talks resume in Geneva", Body: "Foreign Minister Jean-Marc Ayrault said: \"The talks will resume next week in Geneva.\""}}
	// The extraction itself stops (context.Canceled, not a store error
	// after a whole extraction).
	if _, err := s.storeArticles(ctx, src, arts); err != context.Canceled {
		t.Fatalf("storeArticles after shutdown: err = %v, want the extraction's context.Canceled", err)
	}
	if got := articleCount(t, st); got != 0 {
		t.Fatalf("%d articles stored by a stopped extraction", got)
	}
	if len(obs.overBudget) != 0 {
		t.Fatalf("a shutdown was counted as over budget: %q", obs.overBudget)
	}
}
