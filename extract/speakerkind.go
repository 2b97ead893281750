package extract

import "fmt"

// SpeakerKind is what kind of speaker a quote is attributed to. Its values
// are the strings of the JSON output ("speaker_kind") and of the store's
// speaker_kind column.
type SpeakerKind string

const (
	// SpeakerNone is no speaker: the quote's speaker is unknown.
	SpeakerNone SpeakerKind = ""
	// SpeakerPerson is a named person ("Jean-Marc Ayrault").
	SpeakerPerson SpeakerKind = "person"
	// SpeakerAnonymous is an unnamed person the article describes ("a
	// senior official").
	SpeakerAnonymous SpeakerKind = "anonymous"
	// SpeakerOrganization is a body: a ministry, a government, a newspaper.
	SpeakerOrganization SpeakerKind = "organization"
	// SpeakerDocument is a document: a statement, a report, a ruling.
	SpeakerDocument SpeakerKind = "document"
)

// ParseSpeakerKind returns the speaker kind written s, as SpeakerKind's
// values are written; "" is SpeakerNone. Any other string is an error. It
// is for kinds read from outside the program: stored analyses, gold files.
func ParseSpeakerKind(s string) (SpeakerKind, error) {
	switch k := SpeakerKind(s); k {
	case SpeakerNone, SpeakerPerson, SpeakerAnonymous, SpeakerOrganization, SpeakerDocument:
		return k, nil
	}
	return SpeakerNone, fmt.Errorf("unknown speaker kind %q (want person, anonymous, organization, document or empty)", s)
}

// UnmarshalText reads a speaker kind with ParseSpeakerKind, so that decoding
// JSON (a stored analysis, a gold file) rejects an unknown kind.
func (k *SpeakerKind) UnmarshalText(text []byte) error {
	v, err := ParseSpeakerKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
