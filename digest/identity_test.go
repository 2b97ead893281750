package digest

import (
	"testing"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/ingest"
	"github.com/attache-bot/attache/store"
)

// The three wire articles name Lavrov three ways; the digest
// names him once, under one spelling, in its actors and its quotes.
func TestDigestNamesEachPersonOnce(t *testing.T) {
	when := time.Date(2016, 10, 7, 12, 0, 0, 0, time.UTC)
	article := func(id int64, outlet, name, title, quote string) store.StoredArticle {
		body := "Russian Foreign Minister " + name + " spoke on Aleppo. \u201c" + quote + ",\u201d " + name + " said."
		return store.StoredArticle{ID: id,
			Article: ingest.Article{URL: "https://" + outlet + ".example/" + title, Feed: outlet, Title: title, Body: body, Published: when.Add(time.Duration(id) * time.Hour)},
			Analysis: extract.Analysis{Title: title,
				People: []extract.Person{{Name: name, Role: "Foreign Minister", Affiliation: "Russia", Mentions: 2}},
				Quotes: []extract.Quote{{Speaker: name, SpeakerKind: extract.SpeakerPerson, Text: quote + ","}}}}
	}
	d := Build([]store.StoredArticle{
		article(1, "reuters", "Sergei Lavrov", "Russia rejects Aleppo ceasefire plan", "The draft is unacceptable"),
		article(2, "ap", "Sergey Lavrov", "Lavrov says Moscow will respond to sanctions", "We will respond"),
		article(3, "tass", "Sergey V. Lavrov", "Lavrov holds talks with Turkish counterpart", "Our dialogue on Syria is constructive"),
	}, Options{Now: when.Add(24 * time.Hour)})
	names := map[string]bool{}
	for _, s := range d.Stories {
		for _, a := range s.Actors {
			names[a.Name] = true
		}
		for _, q := range s.Quotes {
			names[q.Speaker] = true
		}
	}
	if len(names) != 1 {
		t.Errorf("the digest names Lavrov as %v, want one spelling", names)
	}
}
