package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/attache-bot/attache/adapters"
	slackadapter "github.com/attache-bot/attache/adapters/slack"
	"github.com/attache-bot/attache/config"
	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store/storetest"
)

// These tests run whole replicas (bot.Service, each with its own store
// connection) against one database, delivering through the real Slack
// adapter to one Slack workspace played by slacktest.

const replicaBotToken = "xoxb-replicas"

// sharedSlack is the Slack workspace every replica posts to: chat.postMessage
// records each accepted post. The call numbered hangCall (1-based, 0: none)
// hangs until its client goes away and is not recorded, as when a replica
// dies before Slack has the message; with recordHung it is recorded first,
// as when a replica dies after Slack has the message but before it has the
// answer. conversations.history lists the posts with their metadata, or
// fails with historyError.
type sharedSlack struct {
	server *slacktest.Server

	mu           sync.Mutex
	posts        []slackPost
	calls        int
	hangCall     int
	recordHung   bool
	historyError string
	histories    int           // conversations.history calls
	hanging      chan struct{} // closed when the hanging call arrives
	release      chan struct{} // closed at cleanup so the server can stop
}

type slackPost struct {
	channel  string
	text     string // the notification text: title, part number, headlines
	metadata string // the metadata parameter (JSON), "" when none
}

func newSharedSlack(t *testing.T) *sharedSlack {
	t.Helper()
	f := &sharedSlack{hanging: make(chan struct{}), release: make(chan struct{})}
	f.server = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", f.postMessage)
		c.Handle("/conversations.history", f.history)
	})
	f.server.Start()
	t.Cleanup(f.server.Stop)
	t.Cleanup(func() { close(f.release) }) // runs before Stop
	return f
}

func (f *sharedSlack) postMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if r.Form.Get("token") != replicaBotToken && r.Header.Get("Authorization") != "Bearer "+replicaBotToken {
		json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	f.mu.Lock()
	f.calls++
	post := slackPost{channel: r.Form.Get("channel"), text: r.Form.Get("text"), metadata: r.Form.Get("metadata")}
	if f.calls == f.hangCall {
		if f.recordHung {
			f.posts = append(f.posts, post)
		}
		f.mu.Unlock()
		close(f.hanging)
		select {
		case <-r.Context().Done():
		case <-f.release:
		}
		return
	}
	f.posts = append(f.posts, post)
	n := len(f.posts)
	f.mu.Unlock()
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1700000000.%06d", n)})
}

// history lists the channel's posts, newest first, with their metadata.
func (f *sharedSlack) history(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.histories++
	if f.historyError != "" {
		json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": f.historyError})
		return
	}
	var msgs []map[string]any
	for i := len(f.posts) - 1; i >= 0; i-- {
		if p := f.posts[i]; p.channel == r.Form.Get("channel") {
			msg := map[string]any{"type": "message", "text": p.text, "ts": fmt.Sprintf("1700000000.%06d", i+1)}
			if p.metadata != "" {
				msg["metadata"] = json.RawMessage(p.metadata)
			}
			msgs = append(msgs, msg)
		}
	}
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "messages": msgs})
}

func (f *sharedSlack) historyCalls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.histories
}

func (f *sharedSlack) recorded() []slackPost {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]slackPost(nil), f.posts...)
}

// deliverers is what each replica posts with: its own Slack client, as a
// separate process would have.
func (f *sharedSlack) deliverers(t testing.TB) map[string]adapters.Deliverer {
	t.Helper()
	d, err := slackDeliverers(f.server.GetAPIURL())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func slackDeliverers(apiURL string) (map[string]adapters.Deliverer, error) {
	d, err := slackadapter.NewDeliverer(slackadapter.Options{BotToken: replicaBotToken, APIURL: apiURL})
	if err != nil {
		return nil, err
	}
	return map[string]adapters.Deliverer{slackadapter.Platform: d}, nil
}

// runAll runs every service until the returned stop is called.
func runAll(t *testing.T, services []*Service) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, s := range services {
		wg.Go(func() {
			if err := s.Run(ctx); err != nil {
				t.Errorf("%s: Run: %v", s.Holder(), err)
			}
		})
	}
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

func TestReplicasPostEachScheduledDigestToSlackOnce(t *testing.T) {
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			driver, dsn := storetest.Database(t, driver)
			slack := newSharedSlack(t)
			cfg := testConfig()
			// Every replica's cron fires each second, each at its own
			// offset within the second: they all compete for every slot.
			cfg.Channels = []config.Channel{{Name: "wire", Platform: slackadapter.Platform, Target: "C-NEWS", Schedule: "@every 1s"}}
			services, st := replicasOn(t, driver, dsn, 3, cfg, time.Now, slack.deliverers(t))
			stop := runAll(t, services)

			topics := []string{"Ceasefire talks in Geneva", "Fishing quotas in Reykjavik", "Relief corridor vote delayed"}
			for _, topic := range topics {
				saveArticle(t, st, storyArticle(topic, time.Now()), extract.Analysis{})
				waitFor(t, 15*time.Second, "a digest with "+topic, func() bool { return postsContaining(slack.recorded(), topic) > 0 })
			}
			// Let every replica fire on a few more slots before counting.
			time.Sleep(2500 * time.Millisecond)
			stop()

			posts := slack.recorded()
			if len(posts) != len(topics) {
				t.Fatalf("%d posts, want one digest per article saved:\n%s", len(posts), dumpPosts(posts))
			}
			for _, topic := range topics {
				if n := postsContaining(posts, topic); n != 1 {
					t.Errorf("%q posted %d times, want once", topic, n)
				}
			}
			for _, p := range posts {
				if p.channel != "C-NEWS" {
					t.Errorf("posted to %q, want C-NEWS", p.channel)
				}
			}
		})
	}
}

func postsContaining(posts []slackPost, s string) int {
	n := 0
	for _, p := range posts {
		if strings.Contains(p.text, s) {
			n++
		}
	}
	return n
}

func dumpPosts(posts []slackPost) string {
	var b strings.Builder
	for i, p := range posts {
		fmt.Fprintf(&b, "%d. %s: %.200s\n", i+1, p.channel, p.text)
	}
	return b.String()
}

// partNumber matches the "(i/n)" the Slack adapter adds to the notification
// text of each message of a digest split in several.
var partNumber = regexp.MustCompile(`\((\d+)/(\d+)\)`)

// messageParts counts the posts of each part number and returns the total
// number of parts the digest was split in.
func messageParts(t *testing.T, posts []slackPost) (count map[int]int, total int) {
	t.Helper()
	count = map[int]int{}
	for _, p := range posts {
		m := partNumber.FindStringSubmatch(p.text)
		if m == nil {
			t.Fatalf("post without a part number: %.200s", p.text)
		}
		i, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		if total != 0 && n != total {
			t.Fatalf("posts of digests split in %d and in %d parts:\n%s", total, n, dumpPosts(posts))
		}
		total = n
		count[i]++
	}
	return count, total
}

// signedCommand is a slash command request as Slack sends it, signed with
// secret (https://api.slack.com/authentication/verifying-requests-from-slack).
func signedCommand(t *testing.T, base, secret, user, text string) *http.Request {
	t.Helper()
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {"C-NEWS"}, "user_id": {user}, "user_name": {user},
		"command": {"/attache"}, "text": {text}, "trigger_id": {"1.2.3"},
	}.Encode()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, "v0:"+ts+":"+body)
	r, err := http.NewRequest(http.MethodPost, base+slackadapter.CommandsPath, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return r
}

// command sends a signed slash command to a replica and returns its
// immediate answer (blocks and text, as JSON).
func command(t *testing.T, base, secret, user, text string) string {
	t.Helper()
	resp, err := http.DefaultClient.Do(signedCommand(t, base, secret, user, text))
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%q: status %d: %s", text, resp.StatusCode, body)
	}
	return string(body)
}

func TestSlashCommandsReachAnyReplica(t *testing.T) {
	const secret = "replica-signing-secret"
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			driver, dsn := storetest.Database(t, driver)
			cfg := testConfig()
			cfg.Bot.Admins = []string{"U-ADMIN"}
			cfg.Fetch.AllowPrivateURL = true // subscribe must not resolve the test host
			services, st := replicasOn(t, driver, dsn, 2, cfg, time.Now, nil)
			var bases []string
			for _, s := range services {
				cmds, err := slackadapter.NewCommands(slackadapter.Options{SigningSecret: secret, Logger: quietLogger()}, s)
				if err != nil {
					t.Fatal(err)
				}
				s.Handle("POST "+slackadapter.CommandsPath, cmds)
				srv := httptest.NewServer(s.Handler())
				t.Cleanup(srv.Close)
				bases = append(bases, srv.URL)
			}
			// Stored through replica 0's connection, looked up on both.
			saveArticle(t, st, ingest.Article{
				URL: "https://news.example/syria-talks", Source: "https://news.example/feed", Title: "France pushes for Syria talks",
				Body: "Body.", Fetched: time.Now(),
			}, extract.Analysis{
				People: []extract.Person{{Name: "Jean-Marc Ayrault", Aliases: []string{"Ayrault"}, Role: "Foreign Minister", Affiliation: "France", Mentions: 2}},
				Quotes: []extract.Quote{{Speaker: "Jean-Marc Ayrault", SpeakerKind: extract.SpeakerPerson, Text: "We cannot wait any longer"}},
			})
			for i, base := range bases {
				got := command(t, base, secret, "U-READER", "who ayrault")
				for _, want := range []string{"Jean-Marc Ayrault", "Foreign Minister", "We cannot wait any longer"} {
					if !strings.Contains(got, want) {
						t.Errorf("replica %d: who ayrault = %s, want %q in it", i, got, want)
					}
				}
			}

			// A subscription added on one replica is listed, and removed,
			// on the other.
			const feed = "https://feeds.example/world.xml"
			if got := command(t, bases[0], secret, "U-ADMIN", "subscribe "+feed); !strings.Contains(got, "Subscribed to "+feed) {
				t.Fatalf("subscribe on replica 0 = %s", got)
			}
			if got := command(t, bases[1], secret, "U-READER", "feeds"); !strings.Contains(got, feed) {
				t.Fatalf("feeds on replica 1 = %s, want %s listed", got, feed)
			}
			if got := command(t, bases[1], secret, "U-ADMIN", "unsubscribe "+feed); !strings.Contains(got, "Unsubscribed from "+feed) {
				t.Fatalf("unsubscribe on replica 1 = %s", got)
			}
			if got := command(t, bases[0], secret, "U-READER", "feeds"); strings.Contains(got, feed) {
				t.Fatalf("feeds on replica 0 after unsubscribe = %s", got)
			}
		})
	}
}
