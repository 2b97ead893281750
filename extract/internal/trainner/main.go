// Command trainner trains the name tagger of extract/ner and writes its
// model file (extract/data/ner.model), or with -eval measures a model on
// the held-out sets. Run it from the repository root:
//
//	go run ./extract/internal/trainner
//	go run ./extract/internal/trainner -eval
//
// Training data: the permissively licensed CoNLL files of -shared (re3d
// without its Wikipedia subset, wikigold but every tenth document, GUM news
// train) and, unless -polnear is empty, CoreNLP's PERSON / ORGANIZATION /
// LOCATION tags on PolNeAR's train compartment (every twentieth article
// held out to fit the confidence temperature). Tuning: GUM news dev. The
// held-out test sets are never trained on; PolNeAR's dev compartment is
// only measured (with -eval) and its test compartment never read.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/attache-bot/attache/extract"
	"github.com/attache-bot/attache/extract/internal/nercorpus"
	"github.com/attache-bot/attache/extract/internal/nergaz"
	"github.com/attache-bot/attache/extract/ner"
)

func main() {
	shared := flag.String("shared", "/work/shared/data/ner", "folder of the shared NER corpora")
	polnear := flag.String("polnear", "/work/.mirror/networkdynamics+PolNeAR/repo", "PolNeAR git directory (empty: no silver data)")
	data := flag.String("data", "extract/data", "folder of the extract word lists")
	out := flag.String("out", "extract/data/ner.model", "model file to write (or to measure with -eval)")
	epochs := flag.Int("epochs", 8, "training epochs")
	minCount := flag.Int("mincount", 2, "drop features seen fewer times")
	prune := flag.Float64("prune", 0.05, "drop weights of smaller magnitude")
	goldWeight := flag.Int("goldweight", 2, "times each hand-annotated sentence is seen per epoch")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	eval := flag.Bool("eval", false, "measure the model file on the held-out sets instead of training")
	showErrors := flag.Bool("errors", false, "with -eval, print the person names missed or wrongly found")
	flag.Parse()
	log.SetFlags(0)

	g, err := nergaz.Parse(func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(*data, name)) }, extract.Fold)
	if err != nil {
		log.Fatal(err)
	}
	train, dev, test, err := nercorpus.Shared(*shared, g)
	if err != nil {
		log.Fatal(err)
	}
	if *eval {
		b, err := os.ReadFile(*out)
		if err != nil {
			log.Fatal(err)
		}
		m, err := ner.Load(b)
		if err != nil {
			log.Fatal(err)
		}
		sets := append(dev, test...)
		if *polnear != "" {
			docs, err := nercorpus.PolNeAR(*polnear, "dev")
			if err != nil {
				log.Fatal(err)
			}
			sets = append(sets, nercorpus.Set{Name: "polnear-dev (CoreNLP silver)", Docs: docs})
		}
		fmt.Printf("%-34s %7s %6s %6s %6s %6s %7s\n", "set", "tokens", "PER P", "PER R", "PER F1", "all F1", "tok/s")
		var pooled ner.Counts
		pooledTokens := 0
		for _, s := range sets {
			sents := nercorpus.Sentences(s.Docs, g, extract.Fold, 1)
			t0 := time.Now()
			sc := m.Score(sents)
			el := time.Since(t0)
			n := nercorpus.Tokens(s.Docs)
			p := sc.Types[ner.PER]
			fmt.Printf("%-34s %7d %6.3f %6.3f %6.3f %6.3f %7.0f\n", s.Name, n, p.Precision(), p.Recall(), p.F1(), sc.All.F1(), float64(n)/el.Seconds())
			if *showErrors {
				printErrors(m, sents)
			}
			if s.Gold && s.Name != "gum-news-dev" {
				pooled.TP += p.TP
				pooled.FP += p.FP
				pooled.FN += p.FN
				pooledTokens += n
			}
		}
		fmt.Printf("%-34s %7d %6.3f %6.3f %6.3f\n", "gold test sets pooled", pooledTokens, pooled.Precision(), pooled.Recall(), pooled.F1())
		return
	}

	var sents, devSents []ner.Sentence
	for _, s := range train {
		sents = append(sents, nercorpus.Sentences(s.Docs, g, extract.Fold, *goldWeight)...)
		log.Printf("train %s: %d tokens", s.Name, nercorpus.Tokens(s.Docs))
	}
	for _, s := range dev {
		devSents = append(devSents, nercorpus.Sentences(s.Docs, g, extract.Fold, 1)...)
		log.Printf("dev %s: %d tokens", s.Name, nercorpus.Tokens(s.Docs))
	}
	if *polnear != "" {
		docs, err := nercorpus.PolNeAR(*polnear, "train")
		if err != nil {
			log.Fatal(err)
		}
		var tr, dv []nercorpus.Doc
		for i, d := range docs {
			if i%20 == 0 {
				dv = append(dv, d)
			} else {
				tr = append(tr, d)
			}
		}
		sents = append(sents, nercorpus.Sentences(tr, g, extract.Fold, 1)...)
		devSents = append(devSents, nercorpus.Sentences(dv, g, extract.Fold, 1)...)
		log.Printf("train polnear-train (silver): %d articles, %d tokens; held out %d articles, %d tokens", len(tr), nercorpus.Tokens(tr), len(dv), nercorpus.Tokens(dv))
	}
	t0 := time.Now()
	m, err := ner.Train(sents, ner.TrainConfig{
		Epochs: *epochs, MinCount: *minCount, Prune: *prune, Seed: *seed, Dev: devSents,
		Log: func(f string, a ...any) { log.Printf("%6.1fs "+f, append([]any{time.Since(t0).Seconds()}, a...)...) },
	})
	if err != nil {
		log.Fatal(err)
	}
	b, err := m.Marshal()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes, %d features", *out, len(b), m.Features())
}

// printErrors prints, for each sentence, the person spans that the model
// missed (-) or found wrongly (+), with the words around them.
func printErrors(m *ner.Model, sents []ner.Sentence) {
	for _, s := range sents {
		tags := m.Tag(s.Words, func(i int) []string { return s.Gaz[i] })
		gold := map[[2]int]bool{}
		for _, sp := range ner.LabelSpans(s.Labels) {
			if sp.Type == ner.PER {
				gold[[2]int{sp.Start, sp.End}] = true
			}
		}
		pred := map[[2]int]float32{}
		for _, sp := range ner.Spans(tags) {
			if sp.Type == ner.PER {
				pred[[2]int{sp.Start, sp.End}] = sp.Conf
			}
		}
		show := func(sign string, k [2]int, conf float32) {
			lo, hi := max(k[0]-4, 0), min(k[1]+4, len(s.Words))
			fmt.Printf("  %s %-30q %.2f  %v\n", sign, strings.Join(s.Words[k[0]:k[1]], " "), conf, s.Words[lo:hi])
		}
		for k := range gold {
			if _, ok := pred[k]; !ok {
				t := ner.None
				for i := k[0]; i < k[1]; i++ {
					if tags[i].Label.Type() != ner.None {
						t = tags[i].Label.Type()
					}
				}
				show("-"+t.String(), k, tags[k[0]].P[ner.PER])
			}
		}
		for k, c := range pred {
			if !gold[k] {
				show("+", k, c)
			}
		}
	}
}
