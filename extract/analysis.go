// Package extract owns the language analysis of one news article: it finds
// the people an article names (with their title and affiliation), the direct
// quotes it carries and who said each of them, the organisations and places
// it mentions, and a one- or two-sentence summary. It does no I/O; all models,
// gazetteers and word classes (data/words) are embedded, parsed once by New
// and never mutated, so an Extractor is safe for concurrent use.
package extract

// Analysis is the result of analysing one article.
type Analysis struct {
	Title         string   `json:"title"`
	Summary       string   `json:"summary"` // the one or two sentences carrying the news
	People        []Person `json:"people"`
	Quotes        []Quote  `json:"quotes"`
	Organizations []string `json:"organizations"`
	Places        []string `json:"places"`
}

// Person is one named person of the article.
type Person struct {
	Name        string   `json:"name"`        // fullest name the article gives
	Aliases     []string `json:"aliases"`     // other forms used ("Ayrault")
	Role        string   `json:"role"`        // "Foreign Minister"
	Affiliation string   `json:"affiliation"` // "France", "United Nations", "UNOSAT"
	Mentions    int      `json:"mentions"`
}

// Quote is one direct quote and its speaker.
type Quote struct {
	// Speaker is the fullest person name, or the article's descriptor for
	// unnamed or non-person speakers ("a French diplomatic source", "the
	// draft text"), or "" when unknown.
	Speaker string `json:"speaker"`
	// SpeakerKind is what kind of speaker Speaker is; SpeakerNone when
	// unknown. JSON writes it as its string ("person", "" for none).
	SpeakerKind SpeakerKind `json:"speaker_kind"`
	// Confidence is the probability (0–1) that Speaker is right, from the
	// trained speaker scorer; 0 when the speaker is unknown.
	Confidence float64 `json:"confidence"`
	Text       string  `json:"text"`  // verbatim span between the quotation marks
	Start      int     `json:"start"` // byte offsets of Text in the input
	End        int     `json:"end"`
}
