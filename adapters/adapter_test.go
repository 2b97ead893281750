package adapters

import (
	"testing"
	"time"

	"github.com/attache-bot/attache/digest"
)

func TestHealthNote(t *testing.T) {
	nine := time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC)
	story := []digest.Story{{Headline: "H"}}
	tests := []struct {
		name string
		d    digest.Digest
		want string
	}{
		{"unknown health", digest.Digest{Stories: story}, ""},
		{"all fine", digest.Digest{Stories: story, Health: &digest.SourceHealth{Total: 5}}, ""},
		{"two of five", digest.Digest{Stories: story, Health: &digest.SourceHealth{Total: 5, Down: []digest.DownSource{
			{Name: "Wire", Since: nine.Add(time.Hour)}, {Name: "Ledger", Since: nine},
		}}}, "2 of 5 sources unreachable since 5 Oct 09:00 UTC: Wire, Ledger."},
		{"never read", digest.Digest{Stories: story, Health: &digest.SourceHealth{Total: 3, Down: []digest.DownSource{{Name: "New feed"}}}},
			"1 of 3 sources unreachable: New feed."},
		{"all down, nothing new", digest.Digest{Stories: []digest.Story{}, Health: &digest.SourceHealth{Total: 2, Down: []digest.DownSource{
			{Name: "Wire", Since: nine}, {Name: "Ledger", Since: nine},
		}}}, "All 2 sources unreachable since 5 Oct 09:00 UTC: Wire, Ledger."},
		{"the only source", digest.Digest{Health: &digest.SourceHealth{Total: 1, Down: []digest.DownSource{{Name: "Wire", Since: nine}}}},
			"The only source is unreachable since 5 Oct 09:00 UTC: Wire."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HealthNote(tt.d); got != tt.want {
				t.Errorf("HealthNote = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStoryDate(t *testing.T) {
	if got := StoryDate(digest.Story{}); got != DateUnknown {
		t.Errorf("undated story: %q", got)
	}
	if got := StoryDate(digest.Story{Published: time.Date(2026, 10, 5, 11, 30, 0, 0, time.UTC)}); got != "5 Oct 2026 11:30 UTC" {
		t.Errorf("dated story: %q", got)
	}
}
