package extract

import "testing"

// TestTranscriptLabels checks the speaker labels of briefing transcripts:
// the labelled paragraph after the label is the quote, verbatim, with the
// label resolved to the person introduced earlier; questions and prose
// with a colon are never quotes.
func TestTranscriptLabels(t *testing.T) {
	e := newTestExtractor(t)
	const briefing = "Matthew Miller, Department Spokesperson, Washington, D.C.\n\n" +
		"MR MILLER: Good afternoon, everyone. I have one announcement.\n\n" +
		"QUESTION: Matt, do you expect a deal this week?\n\n" +
		"MR MILLER: I'm not going to put a timeline on it.\n\n" +
		"MS SMITH: We have nothing further to add today."
	tests := []struct {
		name, text string
		want       map[string]string // quote text -> speaker; every quote reported must be listed
	}{
		{"labels resolve to the named spokesperson", briefing, map[string]string{
			"Good afternoon, everyone. I have one announcement.": "Matthew Miller",
			"I'm not going to put a timeline on it.":             "Matthew Miller",
		}},
		{"a role label resolves to the only holder of the role",
			"Stéphane Dujarric, Spokesman for the Secretary-General, briefed reporters.\n\n" +
				"SPOKESMAN: Good afternoon. The Secretary-General is in Geneva today.\n\n" +
				"QUESTION: Is he meeting the Iranian delegation?\n\n" +
				"SPOKESMAN: He will meet a number of delegations, and we will read out those meetings.",
			map[string]string{
				"Good afternoon. The Secretary-General is in Geneva today.":                  "Stéphane Dujarric",
				"He will meet a number of delegations, and we will read out those meetings.": "Stéphane Dujarric",
			}},
		{"no question label: a dateline colon is prose",
			"ISLAMABAD: Pakistan and Afghanistan agreed on Monday to reopen the border.\n\n" +
				"KABUL: The Taliban government welcomed the decision.\n\n" +
				"NOTE: This story has been updated.",
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline\n\n" + tt.text
			a := e.Analyze(text)
			if len(a.Quotes) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(a.Quotes), a.Quotes, len(tt.want))
			}
			for _, q := range a.Quotes {
				want, ok := tt.want[q.Text]
				if !ok || q.Speaker != want {
					t.Errorf("quote %q by %q, want %q (listed %v)", q.Text, q.Speaker, want, ok)
				}
				if text[q.Start:q.End] != q.Text {
					t.Errorf("offsets [%d:%d] do not cover %q", q.Start, q.End, q.Text)
				}
			}
		})
	}
}
