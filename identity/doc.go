// Package identity decides whether two mentions of a person in different
// articles are one person, so that the store keeps one identity per person
// and lookups and digests name each once. It takes a name apart (titles,
// suffixes and particles left out, hyphens as spaces, accents folded, East
// Asian names read surname first), unifies transliteration variants of
// each word (Sergei/Sergey, Zelensky/Zelenskyy) with a few spelling rules
// and one variant list per word class (given names, surnames; data/), and
// weighs the evidence — surname, compatible given names, country and title
// — into a verdict that keeps apart people who share a surname (Joe and
// Hunter Biden, George H. W. and George W. Bush). It sits between extract
// and store in the data flow and does no I/O: its lists are embedded.
package identity
