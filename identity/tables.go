package identity

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/attache-bot/attache/extract"
)

// The word lists are data, one file per word class, so that adding a
// spelling is a one-line change reviewed without reading code.
//
//go:embed data/*.txt
var dataFS embed.FS

// variantTable maps every listed spelling of a word (folded, and folded
// then respelled) to its group's key, the first form of its line.
type variantTable map[string]string

// key returns w's group key: the listed form itself, else its respelling,
// else the respelling alone (an unlisted word is its own group).
func (t variantTable) key(w string) string {
	if k, ok := t[w]; ok {
		return k
	}
	r := respell(w)
	if k, ok := t[r]; ok {
		return k
	}
	return r
}

type wordSet map[string]bool

var (
	givenVariants   = loadVariants("data/given.txt")
	surnameVariants = loadVariants("data/surnames.txt")
	titles          = loadSet("data/titles.txt")
	suffixes        = loadSet("data/suffixes.txt")
	particles       = loadSet("data/particles.txt")
	eastAsian       = loadSet("data/east_asian_surnames.txt")
	countries       = loadVariants("data/affiliations.txt")
)

// readLines returns the comma-separated, folded entries of each
// non-comment line of an embedded list. A malformed list is a build
// defect, caught by the package's tests, so it panics.
func readLines(path string) [][]string {
	f, err := dataFS.Open(path)
	if err != nil {
		panic(fmt.Sprintf("identity: %s: %v", path, err))
	}
	defer f.Close()
	var lines [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var entries []string
		for _, e := range strings.Split(line, ",") {
			if e = normalWords(e); e != "" {
				entries = append(entries, e)
			}
		}
		if len(entries) > 0 {
			lines = append(lines, entries)
		}
	}
	if err := sc.Err(); err != nil {
		panic(fmt.Sprintf("identity: %s: %v", path, err))
	}
	return lines
}

func loadVariants(path string) variantTable {
	t := variantTable{}
	for _, group := range readLines(path) {
		for _, form := range group {
			t[form] = group[0]
			if r := respell(form); r != form {
				if _, taken := t[r]; !taken {
					t[r] = group[0]
				}
			}
		}
	}
	return t
}

func loadSet(path string) wordSet {
	s := wordSet{}
	for _, line := range readLines(path) {
		for _, w := range line {
			s[w] = true
		}
	}
	return s
}

// normalWords folds s and keeps its words separated by single spaces,
// without dots ("U.S." is "us").
func normalWords(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(extract.Fold(s), ".", "")), " ")
}
