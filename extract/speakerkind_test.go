package extract

import "testing"

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
