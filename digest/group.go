package digest

import (
	"cmp"
	"slices"
	"time"

	"github.com/attache-bot/attache/store"
)

// Two articles tell the same story when their similarity reaches
// sameStoryThreshold. The similarity is a weighted sum of three overlaps,
// each between 0 and 1:
//
//   - people: surnames both articles name, divided by the smaller article's
//     count but by at least 2, so one shared name alone (a foreign minister
//     appears in many stories) gives only half marks;
//   - places and organisations: Jaccard overlap of the folded names;
//   - headline: Jaccard overlap of the headlines' content words.
//
// Articles further apart in time than maxStorySpan are never grouped.
// groupStories explains how articles gather into stories.
const (
	peopleWeight       = 0.45
	entityWeight       = 0.2
	headlineWeight     = 0.35
	sameStoryThreshold = 0.4
	maxStorySpan       = 72 * time.Hour
)

// features are what grouping compares, as sorted interned word IDs.
type features struct {
	people   []int
	entities []int
	headline []int
	when     time.Time
}

// interner maps words to small integers so that set overlaps are merges of
// sorted int slices.
type interner map[string]int

func (in interner) ids(words []string) []int {
	ids := make([]int, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		id, ok := in[w]
		if !ok {
			id = len(in)
			in[w] = id
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func articleFeatures(in interner, a store.StoredArticle) features {
	var people, entities []string
	for _, p := range a.Analysis.People {
		people = append(people, "p:"+surnameKey(p.Name))
	}
	for _, e := range a.Analysis.Places {
		entities = append(entities, "e:"+normalize(e))
	}
	for _, e := range a.Analysis.Organizations {
		entities = append(entities, "e:"+normalize(e))
	}
	var headline []string
	for _, w := range contentWords(headlineOf(a)) {
		headline = append(headline, "h:"+w)
	}
	return features{people: in.ids(people), entities: in.ids(entities), headline: in.ids(headline), when: articleTime(a)}
}

// similarity scores how likely two articles tell the same story, 0..1.
func similarity(a, b *features) float64 {
	if a.when.Sub(b.when).Abs() > maxStorySpan {
		return 0
	}
	shared := intersection(a.people, b.people)
	people := 0.0
	if shared > 0 {
		people = float64(shared) / float64(max(2, min(len(a.people), len(b.people))))
	}
	return peopleWeight*people + entityWeight*jaccard(a.entities, b.entities) + headlineWeight*jaccard(a.headline, b.headline)
}

func intersection(a, b []int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func jaccard(a, b []int) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := intersection(a, b)
	return float64(shared) / float64(len(a)+len(b)-shared)
}

// groupStories partitions articles (sorted by time, then ID) into stories,
// each a list of indexes into articles in that order. Each article, in
// turn, joins the story it resembles most on average over the story's
// articles, when that average reaches the threshold; otherwise it starts a
// new story. Averaging (rather than joining on any one similar article)
// stops a chain of pairwise resemblances from gluing unrelated stories
// together.
func groupStories(articles []store.StoredArticle) [][]int {
	in := interner{}
	feats := make([]features, len(articles))
	for i, a := range articles {
		feats[i] = articleFeatures(in, a)
	}
	var groups [][]int
	storyOf := make([]int, len(articles))
	// Per story, the summed similarity to the article at hand and how many
	// of its articles fall inside the time span; reused for every article.
	sums, counts := map[int]float64{}, map[int]int{}
	for i := range feats {
		clear(sums)
		clear(counts)
		// Articles are sorted by time: only earlier ones inside the span count.
		for j := i - 1; j >= 0 && feats[i].when.Sub(feats[j].when) <= maxStorySpan; j-- {
			counts[storyOf[j]]++
			if sim := similarity(&feats[i], &feats[j]); sim > 0 {
				sums[storyOf[j]] += sim
			}
		}
		best, bestAvg := -1, 0.0
		for g, sum := range sums {
			avg := sum / float64(counts[g])
			if avg > bestAvg || (avg == bestAvg && g < best) {
				best, bestAvg = g, avg
			}
		}
		if best < 0 || bestAvg < sameStoryThreshold {
			best = len(groups)
			groups = append(groups, nil)
		}
		storyOf[i] = best
		groups[best] = append(groups[best], i)
	}
	return groups
}

// sortArticles orders articles by time, then ID, the order grouping and
// every tie-break relies on.
func sortArticles(articles []store.StoredArticle) {
	slices.SortStableFunc(articles, func(a, b store.StoredArticle) int {
		if c := articleTime(a).Compare(articleTime(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
