package extract

import "testing"

// TestHeadline checks which first lines are taken as the headline, with or
// without the blank line after them.
func TestHeadline(t *testing.T) {
	tests := []struct {
		name, text string
		title      bool
	}{
		{"blank line after", "Talks end without deal\n\nMOSCOW (Reuters) - Talks ended.", true},
		{"dateline on the next line", "Abdullah bin Zayed receives Egyptian Foreign Minister\nABU DHABI, 12th May, 2025 (WAM) -- His Highness received the minister.", true},
		{"agency slash dateline", "Moscow to respond to sanctions\nMOSCOW, March 4. /TASS/. Moscow will respond.", true},
		{"blank lines only further on", "Ukraine and Poland agree on joint steps\nThe ministers met in Warsaw on Thursday.\n\nThey spoke to reporters.", true},
		{"a sentence on the first line", "The ministers met in Warsaw on Thursday.\nMOSCOW (Reuters) - Talks ended.\n\nThey spoke.", false},
		{"single-spaced text throughout", "Ukraine and Poland agree on joint steps\nThe ministers met in Warsaw on Thursday.\nThey spoke to reporters.", false},
		{"a quote on the first line", "\"We are ready\" says minister\nMOSCOW (Reuters) - Talks ended.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := splitParagraphs(tt.text, testVocabulary(t))
			if got := len(paras) > 0 && paras[0].title; got != tt.title {
				t.Errorf("title = %v, want %v", got, tt.title)
			}
		})
	}
}
