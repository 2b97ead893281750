package eval

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// Counts are score.py's tallies, for one article or summed over a set.
type Counts struct {
	PredQuotes     int // predicted quotes found in the text or not, those inside an ignored span left out (qd_p, qa_p)
	GoldQuotes     int // gold quotes found in the text (qd_g, qa_g)
	DetectedPred   int // predicted quotes half covered by gold quotes (qd_tp)
	DetectedGold   int // gold quotes half covered by predicted ones (qd_tp_g)
	AttributedPred int // predicted quotes half covered by gold quotes of the same speaker (qa_tp)
	AttributedGold int // gold quotes half covered by predicted ones of the same speaker (qa_tp_g)
	NamedPred      int // real predicted quotes given a non-empty speaker (qn_p)
	NamedRight     int // of those, the ones whose speaker is right (qn_tp)

	PredPeople  int // predicted people, in articles whose people are scored (pp_p)
	GoldPeople  int // gold people (pp_g)
	FoundPeople int // predicted people matched to a gold person, one each (pp_tp)
	RoleScored  int // found people whose gold role has words (role_n)
	RoleRight   int // role_ok
	AffilScored int // found people with a gold affiliation (aff_n)
	AffilRight  int // aff_ok
}

func (c *Counts) add(o Counts) {
	c.PredQuotes += o.PredQuotes
	c.GoldQuotes += o.GoldQuotes
	c.DetectedPred += o.DetectedPred
	c.DetectedGold += o.DetectedGold
	c.AttributedPred += o.AttributedPred
	c.AttributedGold += o.AttributedGold
	c.NamedPred += o.NamedPred
	c.NamedRight += o.NamedRight
	c.PredPeople += o.PredPeople
	c.GoldPeople += o.GoldPeople
	c.FoundPeople += o.FoundPeople
	c.RoleScored += o.RoleScored
	c.RoleRight += o.RoleRight
	c.AffilScored += o.AffilScored
	c.AffilRight += o.AffilRight
}

// PRF is a precision, recall and F1; each is 0 when undefined.
type PRF struct{ P, R, F1 float64 }

// prf is score.py's prf.
func prf(tpP, nP, tpG, nG int) PRF {
	var m PRF
	if nP > 0 {
		m.P = float64(tpP) / float64(nP)
	}
	if nG > 0 {
		m.R = float64(tpG) / float64(nG)
	}
	if m.P+m.R != 0 {
		m.F1 = 2 * m.P * m.R / (m.P + m.R)
	}
	return m
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// QuoteDetection is the quotes' P/R/F1 with speakers ignored.
func (c Counts) QuoteDetection() PRF {
	return prf(c.DetectedPred, c.PredQuotes, c.DetectedGold, c.GoldQuotes)
}

// QuoteAttribution is the quotes' P/R/F1, span and speaker right.
func (c Counts) QuoteAttribution() PRF {
	return prf(c.AttributedPred, c.PredQuotes, c.AttributedGold, c.GoldQuotes)
}

// People is the people's P/R/F1; when no article lists its people it is
// 0, 0 and NaN, as score.py prints it.
func (c Counts) People() PRF {
	if c.GoldPeople == 0 {
		return PRF{0, 0, math.NaN()}
	}
	return prf(c.FoundPeople, c.PredPeople, c.FoundPeople, c.GoldPeople)
}

// RoleAccuracy is the share of found people, among those with a gold
// role, whose role is right.
func (c Counts) RoleAccuracy() float64 { return ratio(c.RoleRight, c.RoleScored) }

// AffiliationAccuracy is the share of found people, among those with a
// gold affiliation, whose affiliation is right.
func (c Counts) AffiliationAccuracy() float64 { return ratio(c.AffilRight, c.AffilScored) }

// NamedPrecision is the share of real quotes given a non-empty speaker
// whose speaker is right: the cost of guessing.
func (c Counts) NamedPrecision() float64 { return ratio(c.NamedRight, c.NamedPred) }

// ArticleScore is one gold article's tallies and misses.
type ArticleScore struct {
	ID string
	Counts
	// Misses are score.py's -v lines for the article ("  extra quote:
	// '…'", "  missed person: '…'"), in its order.
	Misses []string
}

// Report is the score of a set of articles: the tallies summed over them
// (with their figures as methods) and each article's.
type Report struct {
	Counts
	Articles []ArticleScore
}

// Write prints the report as score.py prints it: with verbose, each
// article with misses (its id, then its miss lines) first; then the
// figures, the last line a one-line summary.
func (r Report) Write(w io.Writer, verbose bool) error {
	var b strings.Builder
	if verbose {
		for _, a := range r.Articles {
			if len(a.Misses) > 0 {
				b.WriteString(a.ID + "\n")
				b.WriteString(strings.Join(a.Misses, "\n") + "\n")
			}
		}
	}
	qd, qa, pp := r.QuoteDetection(), r.QuoteAttribution(), r.People()
	ra, aa, np := r.RoleAccuracy(), r.AffiliationAccuracy(), r.NamedPrecision()
	f := pyFloat3
	fmt.Fprintf(&b, "articles %d, gold quotes %d, gold people %d\n", len(r.Articles), r.GoldQuotes, r.GoldPeople)
	fmt.Fprintf(&b, "quote detection    P %s R %s F1 %s\n", f(qd.P), f(qd.R), f(qd.F1))
	fmt.Fprintf(&b, "quote attribution  P %s R %s F1 %s\n", f(qa.P), f(qa.R), f(qa.F1))
	fmt.Fprintf(&b, "people             P %s R %s F1 %s\n", f(pp.P), f(pp.R), f(pp.F1))
	fmt.Fprintf(&b, "role accuracy %s (%d), affiliation accuracy %s (%d)\n", f(ra), r.RoleScored, f(aa), r.AffilScored)
	fmt.Fprintf(&b, "named speakers     precision %s (%d of %d real quotes given a non-empty speaker; %d wrong)\n",
		f(np), r.NamedPred, r.GoldQuotes, r.NamedPred-r.NamedRight)
	fmt.Fprintf(&b, "summary: attribution_f1=%s people_f1=%s role_acc=%s affil_acc=%s named_precision=%s\n",
		f(qa.F1), f(pp.F1), f(ra), f(aa), f(np))
	_, err := io.WriteString(w, b.String())
	return err
}

// Score scores each gold article against pred's prediction for it, as
// score.py does.
func Score(gold []Gold, pred func(Gold) Prediction) Report {
	r := Report{Articles: make([]ArticleScore, 0, len(gold))}
	for _, g := range gold {
		a := scoreArticle(g, pred(g))
		r.add(a.Counts)
		r.Articles = append(r.Articles, a)
	}
	return r
}

// goldSpan is a gold quote located in the text, with the aliases its
// speaker is known by.
type goldSpan struct {
	span
	q       GoldQuote
	aliases []string
}

// predSpan is a predicted quote and its span; ok is false when the quote
// is not in the text.
type predSpan struct {
	span
	ok bool
	q  PredictedQuote
}

// scoreArticle is score.py's score_article.
func scoreArticle(g Gold, p Prediction) ArticleScore {
	a := ArticleScore{ID: g.ID}
	c := &a.Counts
	miss := func(format string, args ...any) { a.Misses = append(a.Misses, fmt.Sprintf(format, args...)) }
	text := normSpace(g.Text)

	var gspans []goldSpan
	for _, q := range g.Quotes {
		sp, ok := locate(text, q.Text)
		if !ok {
			continue
		}
		var aliases []string
		for _, person := range g.People {
			if person.Name == q.Speaker {
				aliases = append(aliases, person.Aliases...)
				break
			}
		}
		gspans = append(gspans, goldSpan{sp, q, append(aliases, q.Aliases...)})
	}
	var ignores []span
	for _, s := range g.Ignore {
		if sp, ok := locate(text, s); ok {
			ignores = append(ignores, sp)
		}
	}

	var preds []predSpan
	for _, q := range p.Quotes {
		sp, ok := locate(text, q.Text)
		if !ok {
			preds = append(preds, predSpan{q: q})
			continue
		}
		ov := 0
		for _, ig := range ignores {
			ov += overlap(sp, ig)
		}
		if ov*2 >= sp.len() {
			continue
		}
		preds = append(preds, predSpan{sp, true, q})
	}

	for _, ps := range preds {
		c.PredQuotes++
		q := ps.q
		if !ps.ok {
			miss("  quote not in text: %s", pyRepr(head(q.Text, 70)))
			continue
		}
		ln := ps.len()
		anyo, right := 0, 0
		for _, gs := range gspans {
			ov := overlap(ps.span, gs.span)
			anyo += ov
			if ov > 0 && speakerMatches(gs.q, gs.aliases, q.Speaker) {
				right += ov
			}
		}
		real := anyo*2 >= ln
		if real {
			c.DetectedPred++
		} else {
			miss("  extra quote: %s", pyRepr(head(q.Text, 70)))
		}
		if real && strings.TrimFunc(q.Speaker, pySpace) != "" {
			c.NamedPred++
			if right*2 >= ln {
				c.NamedRight++
			}
		}
		if right*2 >= ln {
			c.AttributedPred++
		} else if real {
			speaker := pyRepr(q.Speaker)
			if q.speakerNone {
				speaker = "None"
			}
			miss("  wrong speaker %s for %s", speaker, pyRepr(head(q.Text, 50)))
		}
	}

	for _, gs := range gspans {
		c.GoldQuotes++
		ln := gs.len()
		cov, covr := 0, 0
		for _, ps := range preds {
			if !ps.ok {
				continue
			}
			ov := overlap(gs.span, ps.span)
			cov += ov
			if ov > 0 && speakerMatches(gs.q, gs.aliases, ps.q.Speaker) {
				covr += ov
			}
		}
		if cov*2 >= ln {
			c.DetectedGold++
		} else {
			miss("  missed quote (%s): %s", gs.q.Speaker, pyRepr(head(gs.q.Text, 60)))
		}
		if covr*2 >= ln {
			c.AttributedGold++
		}
	}

	if g.People == nil { // the set does not list every person: quotes only
		return a
	}
	used := make([]bool, len(g.People))
	for _, pp := range p.People {
		c.PredPeople++
		pw := wordSet(pp.Name)
		hit := -1
		for i, gp := range g.People {
			if !used[i] && intersects(personKeys(gp.Name, gp.Aliases), pw) {
				hit = i
				break
			}
		}
		if hit < 0 {
			name := pyRepr(pp.Name)
			if pp.nameNone {
				name = "None"
			}
			miss("  extra person: %s", name)
			continue
		}
		used[hit] = true
		c.FoundPeople++
		gp := g.People[hit]
		if ok, scored := roleOK(gp.Role, pp.Role); scored {
			c.RoleScored++
			if ok {
				c.RoleRight++
			} else {
				role := pyRepr(pp.Role)
				if pp.roleNone {
					role = "None"
				}
				miss("  role of %s: %s, gold %s", gp.Name, role, pyRepr(gp.Role))
			}
		}
		if ok, scored := affilOK(gp.Affiliation, pp.Affiliation, pp.Role); scored {
			c.AffilScored++
			if ok {
				c.AffilRight++
			}
		}
	}
	c.GoldPeople = len(g.People)
	for i, gp := range g.People {
		if !used[i] {
			miss("  missed person: %s", pyRepr(gp.Name))
		}
	}
	return a
}
