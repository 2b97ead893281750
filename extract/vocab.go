package extract

import (
	"fmt"
	"strings"
)

// vocabClass names one closed class of words the pipeline tests tokens
// against: function words, honorifics, months and so on. Each class is one
// file, data/words/<name>.txt, listing its words (folded, lower-case), one
// a line; see wordClassFiles.
type vocabClass uint8

const (
	wFunction               vocabClass = iota // function.txt
	wDeterminer                               // determiners.txt
	wPhrasePreposition                        // phrase_prepositions.txt
	wAdverbBeforeVerb                         // adverbs_before_verb.txt
	wObjectMarker                             // object_markers.txt
	wClauseOpener                             // clause_openers.txt
	wClaimNoun                                // claim_nouns.txt
	wVerdictNoun                              // verdict_nouns.txt
	wInfinitivePasser                         // infinitive_passers.txt
	wClauseVerb                               // clause_verbs.txt
	wNounlikeVerb                             // nounlike_verbs.txt
	wIrregularParticiple                      // irregular_participles.txt
	wObjectPreposition                        // object_prepositions.txt
	wBridgeWord                               // bridge_words.txt
	wAgentHead                                // agent_heads.txt
	wPlatform                                 // platforms.txt
	wMonthOrDay                               // months_days.txt
	wDiplomaticRoleWord                       // diplomatic_role_words.txt
	wGenericHead                              // generic_heads.txt
	wNameParticle                             // name_particles.txt
	wHonorific                                // honorifics.txt
	wDescriptiveTitle                         // descriptive_titles.txt
	wAdjectivalTitle                          // adjectival_titles.txt
	wDescriptionPreposition                   // description_prepositions.txt
	wRankWord                                 // rank_words.txt
	wStateWord                                // state_words.txt
	wSendingPhrase                            // sending_phrases.txt
	wFemalePronoun                            // pronouns_female.txt
	wMalePronoun                              // pronouns_male.txt
	wFemaleWord                               // gender_female.txt
	wMaleWord                                 // gender_male.txt
	wAbbreviation                             // abbreviations.txt
	wNameSuffix                               // name_suffixes.txt
	wQuestionLabel                            // question_labels.txt
	wContinuationVerb                         // continuation_verbs.txt
	wPlainLabel                               // plain_labels.txt
	numWordClasses
)

// A word's classes are the bits of one uint64.
const _ uint = 64 - uint(numWordClasses)

// wordClassFiles names the file of each class under data/words, without
// ".txt". Every class has exactly one file and every file one class
// (TestVocabularyFiles).
var wordClassFiles = [numWordClasses]string{
	wFunction:               "function",
	wDeterminer:             "determiners",
	wPhrasePreposition:      "phrase_prepositions",
	wAdverbBeforeVerb:       "adverbs_before_verb",
	wObjectMarker:           "object_markers",
	wClauseOpener:           "clause_openers",
	wClaimNoun:              "claim_nouns",
	wVerdictNoun:            "verdict_nouns",
	wInfinitivePasser:       "infinitive_passers",
	wClauseVerb:             "clause_verbs",
	wNounlikeVerb:           "nounlike_verbs",
	wIrregularParticiple:    "irregular_participles",
	wObjectPreposition:      "object_prepositions",
	wBridgeWord:             "bridge_words",
	wAgentHead:              "agent_heads",
	wPlatform:               "platforms",
	wMonthOrDay:             "months_days",
	wDiplomaticRoleWord:     "diplomatic_role_words",
	wGenericHead:            "generic_heads",
	wNameParticle:           "name_particles",
	wHonorific:              "honorifics",
	wDescriptiveTitle:       "descriptive_titles",
	wAdjectivalTitle:        "adjectival_titles",
	wDescriptionPreposition: "description_prepositions",
	wRankWord:               "rank_words",
	wStateWord:              "state_words",
	wSendingPhrase:          "sending_phrases",
	wFemalePronoun:          "pronouns_female",
	wMalePronoun:            "pronouns_male",
	wFemaleWord:             "gender_female",
	wMaleWord:               "gender_male",
	wAbbreviation:           "abbreviations",
	wNameSuffix:             "name_suffixes",
	wQuestionLabel:          "question_labels",
	wContinuationVerb:       "continuation_verbs",
	wPlainLabel:             "plain_labels",
}

// vocabulary holds the word classes: for every word, the set of classes it
// belongs to as bits. It is built once by New and only read afterwards.
type vocabulary struct {
	classes map[string]uint64
}

// has reports whether w (folded, as token.low) belongs to class c.
func (v *vocabulary) has(c vocabClass, w string) bool {
	return v.classes[w]&(1<<c) != 0
}

// loadVocabulary reads every class file. An entry must be lower-case, equal
// its folded form (words joined by one space) and not repeat within its file.
func loadVocabulary() (*vocabulary, error) {
	v := &vocabulary{classes: make(map[string]uint64, 512)}
	for c, name := range wordClassFiles {
		file := "words/" + name + ".txt"
		lines, err := dataLines(file)
		if err != nil {
			return nil, fmt.Errorf("word class %s: %w", name, err)
		}
		if len(lines) == 0 {
			return nil, fmt.Errorf("data/%s: no words", file)
		}
		bit := uint64(1) << c
		for _, w := range lines {
			if w != strings.ToLower(w) || w != key(w) {
				return nil, fmt.Errorf("data/%s: %q is not lower-case and folded (want %q)", file, w, key(w))
			}
			if v.classes[w]&bit != 0 {
				return nil, fmt.Errorf("data/%s: %q listed twice", file, w)
			}
			v.classes[w] |= bit
		}
	}
	return v, nil
}

// gender is what a pronoun, a name or a role word tells of a person's sex;
// it only ever rules a candidate out for "he" or "she", never in.
type gender uint8

const (
	genderUnknown gender = iota
	genderFemale
	genderMale
)

func (v *vocabulary) pronounGender(s string) gender {
	switch {
	case v.has(wFemalePronoun, s):
		return genderFemale
	case v.has(wMalePronoun, s):
		return genderMale
	}
	return genderUnknown
}

// wordGender reads role words and honorifics that carry a sex.
func (v *vocabulary) wordGender(s string) gender {
	switch {
	case v.has(wFemaleWord, s):
		return genderFemale
	case v.has(wMaleWord, s):
		return genderMale
	}
	return genderUnknown
}

// descriptionGender reads the sex of an unnamed speaker ("a spokeswoman").
func (v *vocabulary) descriptionGender(descr string) gender {
	for _, w := range strings.Fields(key(descr)) {
		if g := v.wordGender(w); g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}
