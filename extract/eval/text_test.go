package eval

import (
	"slices"
	"testing"

	"github.com/attache-bot/attache/extract"
)

// The expected values below are what score.py's functions return.

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ségolène Royal", "segolene royal"},
		{"Lavrov’s “plan”", `lavrov's "plan"`},
		{"ﬁnal ²", "final 2"},
		{"İstanbul", "istanbul"},
		{"ΟΔΟΣ Σ", "οδο\u03c2 \u03c3"}, // Python's final sigma
		{"Łódź", "łodz"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.N. envoy", []string{"un", "envoy"}},
		{"the U.S.-led coalition", []string{"the", "us", "led", "coalition"}},
		{"u.s.a. and a.i.", []string{"usa", "and", "ai"}},
		{"a.b.c.d.", []string{"abcd"}},
		{"Mr. Lavrov's aides", []string{"mr", "lavrov", "aides"}},
		{"Lavrov’s", []string{"lavrov"}},
		{"Jean-Marc Ayrault", []string{"jean", "marc", "ayrault"}},
		{"Ségolène Royal", []string{"segolene", "royal"}},
		{"x_ab. 1ab.", []string{"x", "ab", "1ab"}},
		// \b is Unicode-aware: a non-ASCII letter or an underscore before
		// an initial is a word rune, so no boundary and no joining.
		{"øa.b. x", []string{"a", "b", "x"}},
		{"x_a.b. y", []string{"x", "a", "b", "y"}},
		// "'s" goes only before a boundary.
		{"boss's.", []string{"boss"}},
		{"boss'sø", []string{"boss", "s"}},
		{"boss's_", []string{"boss", "s"}},
		{"it's_x", []string{"it", "s", "x"}},
		{"ΟΔΟΣ Σ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormSpaceAndStripMarks(t *testing.T) {
	if got, want := normSpace(" \u00a0Ça va\u2009 très\n\x1cbien. "), "ca va tres bien."; got != want {
		t.Errorf("normSpace = %q, want %q", got, want)
	}
	if got, want := stripMarks(" «“'Yes,’ he said”» \t"), "Yes,’ he said"; got != want {
		t.Errorf("stripMarks = %q, want %q", got, want)
	}
}

func TestLocate(t *testing.T) {
	hay := normSpace("He said: “We will not yield,” and left. Ça va  très\u00a0bien.")
	tests := []struct {
		needle string
		want   span
		ok     bool
	}{
		{"“We will not yield,”", span{10, 28}, true},
		{`"We will not yield!"`, span{10, 27}, true}, // trailing punctuation retried
		{"ca va tres bien", span{40, 55}, true},      // rune offsets, not bytes
		{"a", span{}, false},                         // shorter than two runes
		{"“a.”", span{}, false},
		{"never said", span{}, false},
	}
	for _, tt := range tests {
		got, ok := locate(hay, tt.needle)
		if ok != tt.ok || got != tt.want {
			t.Errorf("locate(%q) = %v %v, want %v %v", tt.needle, got, ok, tt.want, tt.ok)
		}
	}
	if got := overlap(span{0, 10}, span{5, 20}); got != 5 {
		t.Errorf("overlap = %d", got)
	}
	if got := overlap(span{0, 5}, span{7, 20}); got != 0 {
		t.Errorf("overlap of disjoint spans = %d", got)
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		kind    extract.SpeakerKind
		speaker string
		aliases []string
		pred    string
		want    bool
	}{
		{extract.SpeakerPerson, "Jean-Marc Ayrault", nil, "Ayrault", true},
		{extract.SpeakerPerson, "Jean-Marc Ayrault", nil, "Jean-Marc", false},
		{extract.SpeakerPerson, "Sergei Lavrov", []string{"the Russian minister"}, "Russian minister", true},
		{extract.SpeakerPerson, "Sergei Lavrov", nil, "", false},
		{extract.SpeakerPerson, "Boris Johnson's", nil, "Mr Johnson", true},
		{extract.SpeakerAnonymous, "a senior French diplomat", nil, "a French diplomat", true},
		{extract.SpeakerAnonymous, "a senior French diplomat", nil, "senior French official", false},
		{extract.SpeakerOrganization, "the foreign ministry", nil, "Russia's foreign ministry", true},
		{extract.SpeakerOrganization, "the foreign ministry", nil, "ministry", true}, // half the words and the last
		{extract.SpeakerOrganization, "the foreign ministry", nil, "foreign office", false},
		{extract.SpeakerDocument, "the", nil, "the", false},
	}
	for _, tt := range tests {
		got := speakerMatches(GoldQuote{Kind: tt.kind, Speaker: tt.speaker}, tt.aliases, tt.pred)
		if got != tt.want {
			t.Errorf("speakerMatches(%s %q, %q) = %v", tt.kind, tt.speaker, tt.pred, got)
		}
	}
}

func TestRoleOK(t *testing.T) {
	tests := []struct {
		gold, pred string
		ok, scored bool
	}{
		{"Foreign Minister", "foreign minister", true, true},
		{"Minister of Foreign Affairs", "Foreign Minister", false, true},
		{"Secretary-General", "UN secretary general", true, true},
		{"the", "x", false, false},
		{"", "President", false, false},
	}
	for _, tt := range tests {
		ok, scored := roleOK(tt.gold, tt.pred)
		if ok != tt.ok || scored != tt.scored {
			t.Errorf("roleOK(%q, %q) = %v %v, want %v %v", tt.gold, tt.pred, ok, scored, tt.ok, tt.scored)
		}
	}
}

func TestAffilOK(t *testing.T) {
	tests := []struct {
		gold, aff, role string
		ok, scored      bool
	}{
		{"France", "", "French Foreign Minister", true, true},
		{"United Nations", "UN", "", true, true},
		{"United Nations", "U.N.", "", true, true},
		{"Ministry of Foreign Affairs", "Russia", "the Russian ministry of foreign affairs spokeswoman", true, true},
		{"United Kingdom", "", "British Prime Minister", true, true},
		{"Germany", "France", "", false, true},
		{"", "France", "", false, false},
	}
	for _, tt := range tests {
		ok, scored := affilOK(tt.gold, tt.aff, tt.role)
		if ok != tt.ok || scored != tt.scored {
			t.Errorf("affilOK(%q, %q, %q) = %v %v, want %v %v", tt.gold, tt.aff, tt.role, ok, scored, tt.ok, tt.scored)
		}
	}
}

func TestPersonKeys(t *testing.T) {
	got := personKeys("Jean-Marc Ayrault", []string{"the Minister", "of the"})
	if len(got) != 2 || !got["ayrault"] || !got["minister"] {
		t.Errorf("personKeys = %v", got)
	}
}

func TestPyRepr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`both ' and "`, `'both \' and "'`},
		{`back\slash`, `'back\\slash'`},
		{"tab\tnl\n", `'tab\tnl\n'`},
		{"nbsp\u00a0zw\u200b\x7f", `'nbsp\xa0zw\u200b\x7f'`},
		{"é😀", `'é😀'`},
	}
	for _, tt := range tests {
		if got := pyRepr(tt.in); got != tt.want {
			t.Errorf("pyRepr(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := head("é😀abc", 2); got != "é😀" {
		t.Errorf("head = %q", got)
	}
}
