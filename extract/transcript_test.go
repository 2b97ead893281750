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
		{"a quoted interview: two labels, each opening several paragraphs",
			"On Sunday, Foreign Minister Jean-Marc Ayrault spoke to the host of a weekly programme.\n\n" +
				"Partial transcript as follows:\n\n" +
				"“HOST: Minister, will the talks resume this week?\n\n" +
				"“AYRAULT: We are ready to return to Geneva as soon as the others are.”\n\n" +
				"“HOST: And if they are not?\n\n" +
				"“AYRAULT: Then we will go on talking to each of them in turn.",
			map[string]string{
				"We are ready to return to Geneva as soon as the others are.": "Jean-Marc Ayrault",
				"Then we will go on talking to each of them in turn.":         "Jean-Marc Ayrault",
			}},
		{"a quoted answer left open runs on into the next paragraph; a closed footer does not",
			"On Sunday, Foreign Minister Jean-Marc Ayrault spoke to the host of a weekly programme.\n\n" +
				"Partial transcript as follows:\n\n" +
				"“HOST: Minister, will the talks resume this week?\n\n" +
				"“AYRAULT: We are ready to return to Geneva as soon as the others are.\n\n" +
				"“But we will not wait for ever, and our partners know it.\n\n" +
				"“HOST: And if they are not?\n\n" +
				"“AYRAULT: Then we will go on talking to each of them in turn.\n\n" +
				"“Follow our correspondent on social media.”",
			map[string]string{
				"We are ready to return to Geneva as soon as the others are.": "Jean-Marc Ayrault",
				"But we will not wait for ever, and our partners know it.":    "Jean-Marc Ayrault",
				"Then we will go on talking to each of them in turn.":         "Jean-Marc Ayrault",
				"Follow our correspondent on social media.":                   "",
			}},
		{"an interviewer the prose never names is named by the label; a plain label is not a speaker",
			"On Sunday, Foreign Minister Jean-Marc Ayrault spoke to a weekly programme.\n\n" +
				"“WALLACE: Minister, will the talks resume this week?\n\n" +
				"“AYRAULT: We are ready to return to Geneva as soon as the others are.”\n\n" +
				"“WALLACE: And if they are not?\n\n" +
				"“AYRAULT: Then we will go on talking to each of them in turn.”\n\n" +
				"UPDATE: The ministry later said talks would resume on Friday.\n\n" +
				"UPDATE: The talks were then put off until next week.",
			map[string]string{
				"Minister, will the talks resume this week?":                  "Wallace",
				"We are ready to return to Geneva as soon as the others are.": "Jean-Marc Ayrault",
				"And if they are not?":                                        "Wallace",
				"Then we will go on talking to each of them in turn.":         "Jean-Marc Ayrault",
			}},
		{"one label used twice is not an interview",
			"Talks resumed in Geneva on Monday, officials said.\n\n" +
				"UPDATE: The meeting was moved to Tuesday afternoon at the request of the delegations.\n\n" +
				"Diplomats said the delay was procedural.\n\n" +
				"UPDATE: The meeting has now ended without a statement from any of the parties.",
			map[string]string{}},
		{"no question label: a dateline colon is prose",
			"ISLAMABAD: Pakistan and Afghanistan agreed on Monday to reopen the border.\n\n" +
				"KABUL: The Taliban government welcomed the decision.\n\n" +
				"NOTE: This story has been updated.",
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Headline: a summary, not a label\n\n" + tt.text
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
