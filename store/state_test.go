package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestSourceState(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		const feed = "https://diplo.example/feed.xml"

		st, err := s.SourceState(ctx, feed)
		if err != nil || !reflect.DeepEqual(st, SourceState{Source: feed}) {
			t.Fatalf("unknown source state = %+v, %v", st, err)
		}
		now := clock.Now()
		want := SourceState{
			Source: feed, ETag: `W/"abc"`, LastModified: "Wed, 05 Oct 2016 09:00:00 GMT",
			LastPolled: now, LastSuccess: now.Add(-time.Hour), NextPoll: now.Add(15 * time.Minute),
			Failures: 2, LastError: "fetch: 503 Service Unavailable",
			Articles: 99, // ignored: the store counts articles itself
		}
		if err := s.SaveSourceState(ctx, want); err != nil {
			t.Fatal(err)
		}
		want.Articles = 0
		if got, err := s.SourceState(ctx, feed); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("source state\n got %+v, %v\nwant %+v", got, err, want)
		}

		// SaveArticle counts articles per source, and a later state save
		// keeps the count.
		saveFixtures(t, s, loadFixtures(t), "ayrault-lavrov-aleppo", "ban-cavusoglu-ankara", "ayrault-moscow")
		want.Failures, want.LastError = 0, ""
		if err := s.SaveSourceState(ctx, want); err != nil {
			t.Fatal(err)
		}
		want.Articles = 2
		if got, err := s.SourceState(ctx, feed); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("source state after articles\n got %+v, %v\nwant %+v", got, err, want)
		}

		all, err := s.SourceStates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var sources []string
		for _, st := range all {
			sources = append(sources, st.Source)
		}
		if want := []string{feed, "https://other.example/rss"}; !reflect.DeepEqual(sources, want) {
			t.Errorf("SourceStates sources = %v, want %v", sources, want)
		}
		if err := s.SaveSourceState(ctx, SourceState{}); err == nil {
			t.Error("saved a source state without a source")
		}
	})
}

func TestSubscriptions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		first := Subscription{URL: "https://diplo.example/feed.xml", Channel: "slack:C123", AddedBy: "U42"}
		second := Subscription{URL: "https://other.example/rss", Channel: "matrix:!room:example.org", AddedBy: "@ana:example.org",
			AddedAt: clock.Now().Add(time.Hour)}

		steps := []struct {
			name string
			do   func() (bool, error)
			want bool
		}{
			{"add", func() (bool, error) { return s.AddSubscription(ctx, first) }, true},
			{"add again", func() (bool, error) { return s.AddSubscription(ctx, first) }, false},
			{"add second", func() (bool, error) { return s.AddSubscription(ctx, second) }, true},
			{"remove unknown", func() (bool, error) { return s.RemoveSubscription(ctx, "https://nope.example/") }, false},
		}
		for _, st := range steps {
			got, err := st.do()
			if err != nil || got != st.want {
				t.Fatalf("%s = %v, %v; want %v", st.name, got, err, st.want)
			}
		}
		subs, err := s.Subscriptions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		first.AddedAt = clock.Now() // stamped by the store
		if want := []Subscription{first, second}; !reflect.DeepEqual(subs, want) {
			t.Errorf("subscriptions\n got %+v\nwant %+v", subs, want)
		}
		if removed, err := s.RemoveSubscription(ctx, first.URL); err != nil || !removed {
			t.Fatalf("remove = %v, %v", removed, err)
		}
		if subs, _ := s.Subscriptions(ctx); len(subs) != 1 || subs[0].URL != second.URL {
			t.Errorf("after remove: %+v", subs)
		}
		if _, err := s.AddSubscription(ctx, Subscription{}); err == nil {
			t.Error("added a subscription without URL")
		}
	})
}

func TestState(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		if v, ok, err := s.GetState(ctx, "matrix.since"); err != nil || ok || v != "" {
			t.Fatalf("unset state = %q, %v, %v", v, ok, err)
		}
		for _, v := range []string{"s72594_4483_1934", "s72595_4483_1935", ""} {
			if err := s.SetState(ctx, "matrix.since", v); err != nil {
				t.Fatal(err)
			}
			if got, ok, err := s.GetState(ctx, "matrix.since"); err != nil || !ok || got != v {
				t.Errorf("state = %q, %v, %v; want %q", got, ok, err, v)
			}
		}
	})
}

func TestLeases(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		const name = "matrix-sync"
		ttl := time.Minute
		steps := []struct {
			name    string
			advance time.Duration
			holder  string
			release bool
			want    bool
		}{
			{"a takes", 0, "a", false, true},
			{"b refused", 0, "b", false, false},
			{"a renews", 50 * time.Second, "a", false, true},
			{"b refused before renewed expiry", 50 * time.Second, "b", false, false},
			{"b takes after expiry", 11 * time.Second, "b", false, true},
			{"a refused now", 0, "a", false, false},
			{"a cannot release b's lease", 0, "a", true, false},
			{"a still refused", 0, "a", false, false},
			{"b releases", 0, "b", true, false},
			{"a takes after release", 0, "a", false, true},
		}
		for _, st := range steps {
			clock.Advance(st.advance)
			if st.release {
				if err := s.ReleaseLease(ctx, name, st.holder); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				continue
			}
			got, err := s.AcquireLease(ctx, name, st.holder, ttl)
			if err != nil || got != st.want {
				t.Fatalf("%s: AcquireLease = %v, %v; want %v", st.name, got, err, st.want)
			}
		}
		// Leases are independent by name.
		if ok, err := s.AcquireLease(ctx, "poll:https://diplo.example/feed.xml", "b", ttl); err != nil || !ok {
			t.Errorf("other lease = %v, %v", ok, err)
		}
	})
}
