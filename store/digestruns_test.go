package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDigestRuns(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		const channel = "slack:C123"
		lease := time.Minute
		morning := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		evening := morning.Add(10 * time.Hour)

		addArticles := func(from, n int) int64 {
			var last int64
			for i := from; i < from+n; i++ {
				a, an := syntheticArticle(i, "Staffan de Mistura")
				id, _, err := s.SaveArticle(ctx, a, an)
				if err != nil {
					t.Fatal(err)
				}
				last = id
			}
			return last
		}
		claim := func(slot time.Time, holder string, firstAfter int64) (DigestRun, bool) {
			t.Helper()
			run, ok, err := s.ClaimDigestRun(ctx, channel, slot, holder, lease, firstAfter)
			if err != nil {
				t.Fatalf("claim by %s: %v", holder, err)
			}
			return run, ok
		}

		if _, err := s.LastDigestRun(ctx, channel); !errors.Is(err, ErrNotFound) {
			t.Fatalf("LastDigestRun of a new channel: %v, want ErrNotFound", err)
		}
		upto1 := addArticles(0, 3)

		run, ok := claim(morning, "r1", 0)
		if !ok || run.AfterID != 0 || run.UptoID != upto1 || run.Sent != 0 || run.Delivered || !run.Slot.Equal(morning) {
			t.Fatalf("first claim = %+v, %v", run, ok)
		}
		if _, ok := claim(morning, "r2", 0); ok {
			t.Fatal("second holder claimed a live run")
		}
		if err := s.MarkDigestMessageSent(ctx, run.ID, "r1", 0, lease); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkDigestMessageSent(ctx, run.ID, "r2", 1, lease); !errors.Is(err, ErrNotHolder) {
			t.Fatalf("mark by non-holder: %v, want ErrNotHolder", err)
		}
		// The lease was extended by the mark: still live 50s later.
		clock.Advance(50 * time.Second)
		if _, ok := claim(morning, "r2", 0); ok {
			t.Fatal("claimed a run whose lease was extended")
		}

		// r1 stalls; after its lease expires r2 takes over with Sent kept.
		clock.Advance(2 * lease)
		taken, ok := claim(morning, "r2", 0)
		if !ok || taken.ID != run.ID || taken.Sent != 1 || taken.AfterID != 0 || taken.UptoID != upto1 {
			t.Fatalf("takeover = %+v, %v", taken, ok)
		}
		if err := s.MarkDigestMessageSent(ctx, run.ID, "r1", 1, lease); !errors.Is(err, ErrNotHolder) {
			t.Errorf("stale holder marked a message: %v", err)
		}
		if err := s.FinishDigestRun(ctx, run.ID, "r1", ""); !errors.Is(err, ErrNotHolder) {
			t.Errorf("stale holder finished the run: %v", err)
		}
		for i := 1; i < 3; i++ {
			if err := s.MarkDigestMessageSent(ctx, run.ID, "r2", i, lease); err != nil {
				t.Fatal(err)
			}
		}
		// Marking an earlier index again never lowers Sent.
		if err := s.MarkDigestMessageSent(ctx, run.ID, "r2", 0, lease); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishDigestRun(ctx, run.ID, "r2", ""); err != nil {
			t.Fatal(err)
		}
		last, err := s.LastDigestRun(ctx, channel)
		if err != nil || !last.Delivered || last.Sent != 3 || !last.DeliveredAt.Equal(clock.Now()) || last.Error != "" {
			t.Fatalf("delivered run = %+v, %v", last, err)
		}
		if again, ok := claim(morning, "r3", 0); ok || !again.Delivered {
			t.Fatalf("claimed a delivered run: %+v %v", again, ok)
		}

		// The next slot covers what was stored since; a failure leaves it
		// to be retried with the same range.
		upto2 := addArticles(3, 2)
		next, ok := claim(evening, "r1", 0)
		if !ok || next.AfterID != upto1 || next.UptoID != upto2 || next.ID == run.ID {
			t.Fatalf("next run = %+v, %v", next, ok)
		}
		if err := s.FinishDigestRun(ctx, next.ID, "r1", "slack: channel_not_found"); err != nil {
			t.Fatal(err)
		}
		if last, _ := s.LastDigestRun(ctx, channel); last.Delivered || last.Error != "slack: channel_not_found" {
			t.Fatalf("failed run = %+v", last)
		}
		addArticles(5, 1) // a retry keeps its range, whatever arrived since
		retry, ok := claim(evening, "r2", 0)
		if !ok || retry.ID != next.ID || retry.AfterID != upto1 || retry.UptoID != upto2 || retry.Error != "" {
			t.Fatalf("retry = %+v, %v", retry, ok)
		}

		// A channel's first run starts at the backlog start given.
		other, ok, err := s.ClaimDigestRun(ctx, "matrix:!room:example.org", morning, "r1", lease, upto1)
		if err != nil || !ok || other.AfterID != upto1 || other.UptoID != upto2+1 {
			t.Fatalf("first run of another channel = %+v, %v, %v", other, ok, err)
		}
		beyond, ok, err := s.ClaimDigestRun(ctx, "slack:C999", morning, "r1", lease, 1000)
		if err != nil || !ok || beyond.AfterID != 1000 || beyond.UptoID != 1000 {
			t.Fatalf("run with a backlog start beyond the newest article = %+v, %v, %v", beyond, ok, err)
		}
		if _, _, err := s.ClaimDigestRun(ctx, "", morning, "r1", lease, 0); err == nil {
			t.Error("claimed a run without a channel")
		}
	})
}

// A message whose send began but was never recorded sent is the run's
// Pending for the next holder, with the marker it was sent with; recording
// it sent (or any later message) clears it.
func TestDigestRunPendingMessage(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		const channel = "slack:C1"
		lease := time.Minute
		slot := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		run, ok, err := s.ClaimDigestRun(ctx, channel, slot, "r1", lease, 0)
		if err != nil || !ok || run.Pending != nil {
			t.Fatalf("claim = %+v, %v, %v", run, ok, err)
		}
		if err := s.MarkDigestMessageSending(ctx, run.ID, "r2", 0, "m0", lease); !errors.Is(err, ErrNotHolder) {
			t.Fatalf("sending by a non-holder: %v, want ErrNotHolder", err)
		}
		steps := []struct {
			name      string
			do        func() error
			wantSent  int
			wantIndex int // -1: no Pending
			wantMark  string
		}{
			{"sending 0", func() error { return s.MarkDigestMessageSending(ctx, run.ID, "r1", 0, "m0", lease) }, 0, 0, "m0"},
			{"sent 0", func() error { return s.MarkDigestMessageSent(ctx, run.ID, "r1", 0, lease) }, 1, -1, ""},
			{"sending 1", func() error { return s.MarkDigestMessageSending(ctx, run.ID, "r1", 1, "m1", lease) }, 1, 1, "m1"},
			{"refused 1", func() error { return s.MarkDigestMessageRefused(ctx, run.ID, "r1", 1) }, 1, -1, ""},
			{"sending 1 again", func() error { return s.MarkDigestMessageSending(ctx, run.ID, "r1", 1, "m1", lease) }, 1, 1, "m1"},
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			got, err := s.LastDigestRun(ctx, channel)
			if err != nil {
				t.Fatal(err)
			}
			if got.Sent != st.wantSent {
				t.Errorf("after %s: sent %d, want %d", st.name, got.Sent, st.wantSent)
			}
			switch {
			case st.wantIndex < 0 && got.Pending != nil:
				t.Errorf("after %s: pending %+v, want none", st.name, *got.Pending)
			case st.wantIndex >= 0 && (got.Pending == nil || got.Pending.Index != st.wantIndex || got.Pending.Marker != st.wantMark || !got.Pending.Since.Equal(clock.Now())):
				t.Errorf("after %s: pending %+v, want message %d marked %q since %s", st.name, got.Pending, st.wantIndex, st.wantMark, clock.Now())
			}
		}
		if err := s.MarkDigestMessageRefused(ctx, run.ID, "r1", 0); !errors.Is(err, ErrNotHolder) {
			t.Errorf("refusal of a message not in doubt: %v, want ErrNotHolder", err)
		}
		// r1 dies with message 1 in flight; the next holder sees it in doubt.
		clock.Advance(2 * lease)
		taken, ok, err := s.ClaimDigestRun(ctx, channel, slot, "r2", lease, 0)
		if err != nil || !ok || taken.Pending == nil || taken.Pending.Marker != "m1" || taken.Sent != 1 {
			t.Fatalf("takeover = %+v (pending %+v), %v, %v", taken, taken.Pending, ok, err)
		}
		if err := s.FinishDigestRun(ctx, run.ID, "r2", ""); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.LastDigestRun(ctx, channel); got.Pending != nil {
			t.Errorf("a delivered run has a pending message %+v", *got.Pending)
		}
	})
}

// ReleaseHeldBy frees what earlier instances of one replica identity held
// (runs and leases), and nothing of the caller's own or of another identity.
func TestReleaseHeldBy(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		clock := newFakeClock()
		s := b.open(t, WithClock(clock.Now))
		lease := time.Hour
		slot := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		holders := map[string]string{ // channel -> holder of its run
			"dead":    "host_a/1111",
			"mine":    "host_a/2222",
			"other":   "host_ab/3333", // shares the prefix's characters but not the identity
			"percent": "host%/4444",
		}
		for channel, holder := range holders {
			if _, ok, err := s.ClaimDigestRun(ctx, channel, slot, holder, lease, 0); err != nil || !ok {
				t.Fatalf("claim %s: %v, %v", channel, ok, err)
			}
			if ok, err := s.AcquireLease(ctx, "lease-"+channel, holder, lease); err != nil || !ok {
				t.Fatalf("lease %s: %v, %v", channel, ok, err)
			}
		}
		runs, leases, err := s.ReleaseHeldBy(ctx, "host_a/", "host_a/2222")
		if err != nil || runs != 1 || leases != 1 {
			t.Fatalf("ReleaseHeldBy = %d runs, %d leases, %v; want 1, 1", runs, leases, err)
		}
		for channel := range holders {
			_, claimed, err := s.ClaimDigestRun(ctx, channel, slot, "newcomer/1", lease, 0)
			if err != nil {
				t.Fatal(err)
			}
			if want := channel == "dead"; claimed != want {
				t.Errorf("run of %s claimable by another holder: %v, want %v", channel, claimed, want)
			}
			got, err := s.AcquireLease(ctx, "lease-"+channel, "newcomer/1", lease)
			if err != nil {
				t.Fatal(err)
			}
			if want := channel == "dead"; got != want {
				t.Errorf("lease-%s acquirable by another holder: %v, want %v", channel, got, want)
			}
		}
		if _, _, err := s.ReleaseHeldBy(ctx, "", "x"); err == nil {
			t.Error("an empty prefix released everything")
		}
	})
}
