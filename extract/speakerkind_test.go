package extract

import (
	"encoding/json"
	"testing"
)

func TestParseSpeakerKind(t *testing.T) {
	tests := []struct {
		in      string
		want    SpeakerKind
		wantErr bool
	}{
		{"", SpeakerNone, false},
		{"person", SpeakerPerson, false},
		{"anonymous", SpeakerAnonymous, false},
		{"organization", SpeakerOrganization, false},
		{"document", SpeakerDocument, false},
		{"Person", SpeakerNone, true},
		{"organisation", SpeakerNone, true},
		{" person", SpeakerNone, true},
		{"unknown", SpeakerNone, true},
	}
	for _, tt := range tests {
		got, err := ParseSpeakerKind(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseSpeakerKind(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && string(got) != tt.in {
			t.Errorf("ParseSpeakerKind(%q) = %q, which is written differently", tt.in, got)
		}
		k := SpeakerPerson
		if err := k.UnmarshalText([]byte(tt.in)); (err != nil) != tt.wantErr || err == nil && k != tt.want {
			t.Errorf("UnmarshalText(%q) = %q, %v", tt.in, k, err)
		}
	}
}

// TestSpeakerKindJSON checks that a quote's kind is written as the plain
// string and that reading one back rejects an unknown kind.
func TestSpeakerKindJSON(t *testing.T) {
	b, err := json.Marshal(Quote{Speaker: "a senior official", SpeakerKind: SpeakerAnonymous})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"speaker":"a senior official","speaker_kind":"anonymous","confidence":0,"text":"","start":0,"end":0}`
	if string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	var q Quote
	if err := json.Unmarshal(b, &q); err != nil || q.SpeakerKind != SpeakerAnonymous {
		t.Errorf("Unmarshal = %q, %v; want %q", q.SpeakerKind, err, SpeakerAnonymous)
	}
	if err := json.Unmarshal([]byte(`{"speaker_kind":""}`), &q); err != nil || q.SpeakerKind != SpeakerNone {
		t.Errorf(`Unmarshal "" = %q, %v; want none`, q.SpeakerKind, err)
	}
	if err := json.Unmarshal([]byte(`{"speaker_kind":"robot"}`), &q); err == nil {
		t.Errorf(`Unmarshal "robot" = %q, want an error`, q.SpeakerKind)
	}
}
