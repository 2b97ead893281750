package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestPeopleClustering checks that the short forms of a name join the
// person named in full.
func TestPeopleClustering(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, text, person, alias string
	}{
		{"surname", "Foreign Minister Hakan Fidan spoke. Fidan said talks would go on.", "Hakan Fidan", "Fidan"},
		{"surname without its hyphenated particle", "Sudan's army chief, General Abdel Fattah al-Burhan, vowed to fight on. Burhan said the war would go on.",
			"Abdel Fattah al-Burhan", "Burhan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Analyze("Headline\n\n" + tt.text)
			if len(a.People) != 1 || a.People[0].Name != tt.person || !slices.Contains(a.People[0].Aliases, tt.alias) {
				t.Errorf("got people %+v, want only %q with alias %q", a.People, tt.person, tt.alias)
			}
		})
	}
}

// TestAliasesSurviveReclustering checks that a short form found in the
// second pass stays with the person it was found for when the people are
// clustered again: clustering renumbers them ("Howard Dean", first met with
// no cue, comes to open the list), and an alias holding the old number had
// given Howard Dean's quotes to Donald Trump.
func TestAliasesSurviveReclustering(t *testing.T) {
	e := newTestExtractor(t)
	d := &doc{text: "Headline\n\nHoward Dean met Donald Trump. Dean spoke to Howard Dean.", g: e.g}
	d.paras = splitParagraphs(d.text, e.g.vocabulary)
	d.tokens = newTokens(d.text, d.paras, d.quotes, e.g, d.stop)
	span := func(word string, nth int) mention {
		for i, tk := range d.toks {
			if d.text[tk.start:tk.end] != word {
				continue
			}
			if nth--; nth < 0 {
				n := 1
				if word == "Howard" || word == "Donald" {
					n = 2
				}
				return mention{titleStart: i, nameStart: i, nameEnd: i + n}
			}
		}
		t.Fatalf("no %q", word)
		return mention{}
	}
	// The first pass: the people the cues found.
	d.mentions = []mention{span("Donald", 0), span("Howard", 1)}
	d.clusterPeople()
	// The second pass: forms of people already known.
	for _, m := range []mention{span("Howard", 0), span("Dean", 1)} {
		p := d.matchEntity(m.nameStart, m.nameEnd)
		if p < 0 {
			t.Fatalf("%q matches nobody", d.text[d.toks[m.nameStart].start:d.toks[m.nameEnd-1].end])
		}
		m.alias, m.aliasOf, m.entity = true, strings.Join(d.people[p].words, " "), p
		d.mentions = append(d.mentions, m)
	}
	sortMentions(d.mentions)
	d.clusterPeople()
	for _, m := range d.mentions {
		got := d.people[m.entity].name
		name := d.text[d.toks[m.nameStart].start:d.toks[m.nameEnd-1].end]
		if want := map[bool]string{true: "Donald Trump", false: "Howard Dean"}[name == "Donald Trump"]; got != want {
			t.Errorf("%q at %d is %q, want %q", name, m.nameStart, got, want)
		}
	}
}

// TestHonorificsKeepPeopleApart checks that "Mr. Obama" does not join the
// only full name of that surname when it is a woman's (Michelle Obama):
// the honorific makes him someone else, and a bare "Obama" of unknown sex
// goes with him, not with her.
func TestHonorificsKeepPeopleApart(t *testing.T) {
	e := newTestExtractor(t)
	a := e.Analyze("Headline\n\nMr. Obama met the first lady, Michelle Obama, in Florida. Obama said the talks went well. Mr. Obama left.")
	mentions := map[string]int{}
	for _, p := range a.People {
		mentions[p.Name] = p.Mentions
	}
	if len(a.People) != 2 || mentions["Michelle Obama"] != 1 || mentions["Obama"] != 3 {
		t.Errorf("got people %+v, want Michelle Obama (1 mention) and Obama (3)", a.People)
	}
}
