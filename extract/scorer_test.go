package extract

import (
	"strings"
	"testing"
)

func TestParseSpeakerModelErrors(t *testing.T) {
	tests := []struct{ model, want string }{
		{"threshold 1.5\n", "line 1: bad probability"},
		{"threshold x\n", "line 1: bad probability"},
		{"margin 0.5\n", `line 1: unknown setting "margin"`},
		{"# c\nat=before\n", "line 2: want FEATURE<TAB>WEIGHT"},
		{"at=before\tNaN\n", "line 1: bad weight"},
		{"at=before\t1e999\n", "line 1: bad weight"},
	}
	for _, tt := range tests {
		if _, err := parseSpeakerModel(tt.model); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.model, err, tt.want)
		}
	}
	if _, err := New(WithSpeakerModel("veto 2\n")); err == nil {
		t.Error("New accepted a bad speaker model")
	}
}

// TestSpeakerChoice checks the decision rule on a hand-made model: two
// candidates scored by one feature each, and "nobody".
func TestSpeakerChoice(t *testing.T) {
	lavrov := speaker{name: "Sergei Lavrov", kind: SpeakerPerson, person: 0}
	kerry := speaker{name: "John Kerry", kind: SpeakerPerson, person: 1}
	spokesman := speaker{name: "A spokesman", kind: SpeakerAnonymous, person: -1}
	spokesmanFor := speaker{name: "A spokesman for Prime Minister Keir Starmer", kind: SpeakerAnonymous, person: -1}
	spokesmanOf := speaker{name: "A spokesmanship", kind: SpeakerAnonymous, person: -1}
	m, err := parseSpeakerModel("threshold 0.8\nveto 0.3\nveto_carried 0.5\noverride 0.9\nstrong\t4\nweak\t1\nnull\t0\n")
	if err != nil {
		t.Fatal(err)
	}
	cand := func(who speaker, f string) candidate {
		return candidate{kind: candName, who: who, features: []string{f}}
	}
	tests := []struct {
		name    string
		cands   []candidate
		rule    speaker
		carried bool
		want    speaker
	}{
		{"a sure candidate is named", []candidate{cand(lavrov, "strong")}, noSpeaker(), false, lavrov},
		{"an unsure one is not", []candidate{cand(lavrov, "weak"), cand(kerry, "weak")}, noSpeaker(), false, noSpeaker()},
		{"mentions of one speaker pool their probability", []candidate{cand(lavrov, "weak"), cand(lavrov, "weak"), cand(lavrov, "weak"), cand(kerry, "null")}, noSpeaker(), false, lavrov},
		{"the rules' answer stands above the veto", []candidate{cand(lavrov, "weak"), cand(kerry, "weak")}, lavrov, false, lavrov},
		{"and falls below it", []candidate{cand(lavrov, "null"), cand(kerry, "weak")}, lavrov, false, noSpeaker()},
		{"a carried speaker needs more", []candidate{cand(lavrov, "weak"), cand(kerry, "weak")}, lavrov, true, noSpeaker()},
		{"another speaker overrides the rules only when surer than override", []candidate{cand(lavrov, "null"), cand(kerry, "strong"), cand(kerry, "strong")}, lavrov, false, kerry},
		{"no candidates, no one", nil, noSpeaker(), false, noSpeaker()},
		{"a description and its fuller form pool, under the fuller", []candidate{cand(spokesman, "strong"), cand(spokesmanFor, "weak")}, noSpeaker(), false, spokesmanFor},
		{"a description does not pool with a longer word", []candidate{cand(spokesman, "weak"), cand(spokesmanOf, "weak"), cand(kerry, "weak")}, noSpeaker(), false, noSpeaker()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := m.choose(tt.cands, []string{"null"}, tt.rule, tt.carried)
			if ch.who.kind != tt.want.kind || tt.want.kind != "" && !sameSpeaker(ch.who, tt.want) {
				t.Errorf("chose %+v (confidence %.3f, probabilities %v), want %+v", ch.who, ch.confidence, ch.probs, tt.want)
			}
			if (ch.who.kind == "") != (ch.confidence == 0) || ch.confidence < 0 || ch.confidence > 1 {
				t.Errorf("confidence %.3f for %+v", ch.confidence, ch.who)
			}
		})
	}
}

// TestTagsAnother checks the guard on the scorer's own choices: the
// subject of another quote's tag ("“You winning?” she said") does not
// speak a later quote when another person is the subject of a clause
// between ("but Kevin was drifting off, and as Trump went on about “…”"),
// and does when the person between is only an object, or when the chosen
// phrase is no other quote's tag.
func TestTagsAnother(t *testing.T) {
	melanie := speaker{name: "Melanie", kind: SpeakerPerson, person: 0}
	kevin := speaker{name: "Kevin", kind: SpeakerPerson, person: 1}
	tag := candidate{kind: candPronoun, start: 10, end: 13, who: melanie, features: []string{"prev=quote", "next=speechverb"}}
	tests := []struct {
		name    string
		chosen  candidate
		between candidate
		want    bool
	}{
		{"a clause subject between", tag,
			candidate{kind: candName, start: 30, end: 35, who: kevin, features: []string{"prev=conj", "next=aux"}}, true},
		{"an object between", tag,
			candidate{kind: candName, start: 30, end: 35, who: kevin, features: []string{"prev=prep", "next=."}}, false},
		{"the chosen phrase tags no other quote",
			candidate{kind: candName, start: 10, end: 13, who: melanie, features: []string{"prev=.", "next=speechverb"}},
			candidate{kind: candName, start: 30, end: 35, who: kevin, features: []string{"prev=conj", "next=aux"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands := []candidate{tt.chosen, tt.between}
			ch := speakerChoice{who: melanie, probs: []float64{0.9, 0.05, 0.05}}
			if got := tagsAnother(cands, ch, 60); got != tt.want {
				t.Errorf("tagsAnother = %v, want %v", got, tt.want)
			}
		})
	}
}
