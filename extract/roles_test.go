package extract

import "testing"

// TestRoles checks one way of giving a person's role and affiliation per
// case.
func TestRoles(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, text, person, role, affiliation string
	}{
		{"a country represented by a bare state role",
			"ISTANBUL (AP) - Turkish officials hosted the talks. Russia was represented by Deputy Foreign Minister Pavel Gromov, who did not speak. Turkey said the talks would go on.",
			"Pavel Gromov", "Deputy Foreign Minister", "Russia"},
		{"a bare state role speaking for a country",
			"MUSCAT (AFP) - Talks were held in Oman. Deputy Foreign Minister Kazem Gharibabadi spoke for Iran at a news conference. Oman said the talks would go on.",
			"Kazem Gharibabadi", "Deputy Foreign Minister", "Iran"},
		{"a later demonym description of the only holder of the role",
			"ISTANBUL (AP) - Turkish officials hosted the talks. Deputy Foreign Minister Pavel Gromov attended. Turkey said the talks would go on. The Russian deputy minister left early.",
			"Pavel Gromov", "Deputy Foreign Minister", "Russia"},
		{"a bare state role of a country right after the name",
			"BRUSSELS (Reuters) - Talks were held in Brussels. Foreign Minister David Lammy of Britain, speaking to reporters, was hopeful. Belgium said aid would follow.",
			"David Lammy", "Foreign Minister", "Britain"},
		{"a ministry's second portfolio is part of the role, not a name",
			"ABU DHABI (WAM) -- The minister received Dr. Badr Abdelatty, Minister of Foreign Affairs and Emigration of Egypt, in Abu Dhabi today.",
			"Badr Abdelatty", "Minister of Foreign Affairs and Emigration", "Egypt"},
		{"an MEA spokesperson is India's",
			"\"We have conveyed our concerns,\" MEA spokesperson Randhir Jaiswal said at his weekly media briefing.",
			"Randhir Jaiswal", "MEA spokesperson", "India"},
		{"counterpart is the role when nothing else is said",
			"Prince Faisal bin Farhan spoke with his Greek counterpart Nikos Dendias on Sunday.",
			"Nikos Dendias", "counterpart", "Greece"},
		{"a title elsewhere wins over counterpart",
			"Lavrov spoke with his Greek counterpart Nikos Dendias on Sunday. Greek Foreign Minister Nikos Dendias said he was hopeful.",
			"Nikos Dendias", "Foreign Minister", "Greece"},
		{"hyphenated rank after a role noun",
			"Philippe Lazzarini, commissioner-general of UNRWA, the U.N. agency for Palestine refugees, told reporters the agency was broke.",
			"Philippe Lazzarini", "commissioner-general", "UNRWA"},
		{"a title after 'for' is the name's whole title",
			"A spokesman for Prime Minister Keir Starmer said the government was clear-eyed.",
			"Keir Starmer", "Prime Minister", "United Kingdom"},
		{"a title after 'to' an aide is the name's whole title",
			"An aide to Prime Minister Keir Starmer said the visit would go ahead.",
			"Keir Starmer", "Prime Minister", "United Kingdom"},
		{"a title after 'of' an office is the name's whole title",
			"The office of President Emmanuel Macron said it was a good day.",
			"Emmanuel Macron", "President", "France"},
		{"a title after 'close to' is the name's whole title",
			"A source close to Foreign Minister Sergei Lavrov said the talks were off.",
			"Sergei Lavrov", "Foreign Minister", "Russia"},
		{"its role: the body that opened the sentence before",
			"The Norwegian Refugee Council said aid workers could not reach the camp. Its regional director, Angelika Brodersen, said the violence was shocking.",
			"Angelika Brodersen", "regional director", "Norwegian Refugee Council"},
		{"its role: a body named in lower case",
			"The Chinese foreign ministry criticised the visit. Its spokesperson, Mao Ning, told a briefing that Beijing had protested.",
			"Mao Ning", "spokesperson", "Chinese foreign ministry"},
		{"its role after a sentence opened by a person stays open",
			"Foreign Minister Ayo Bello visited the camp. Its director, Chidi Okafor, said the camp was full.",
			"Chidi Okafor", "director", ""},
		{"an agency's acronym and a regional title before the name",
			"WFP regional director Laurent Bukera said the trucks could not get through.",
			"Laurent Bukera", "WFP regional director", "World Food Programme"},
		{"its role after a possessive country's ministry",
			"India's foreign ministry did not respond. Its spokesman, Randhir Jaiswal, told reporters the position was well known.",
			"Randhir Jaiswal", "spokesman", "India's foreign ministry"},
		{"a body's title before the name",
			"European Council President António Costa wrote on X that the bloc stood firm.",
			"António Costa", "European Council President", "European Council"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Analyze("Headline\n\n" + tt.text)
			for _, p := range a.People {
				if p.Name == tt.person {
					if p.Role != tt.role || p.Affiliation != tt.affiliation {
						t.Errorf("role %q of %q, want %q of %q", p.Role, p.Affiliation, tt.role, tt.affiliation)
					}
					return
				}
			}
			t.Errorf("person %q not found in %+v", tt.person, a.People)
		})
	}
}

// TestBodiesAreNotPeople checks that names of bodies, which take speech
// verbs and appositions like people, are never reported as people.
func TestBodiesAreNotPeople(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct{ name, text string }{
		{"programme", "The World Food Programme said famine was spreading in Darfur."},
		{"crescent", "The Palestine Red Crescent said two of its medics were killed."},
		{"watch", "Human Rights Watch said the council had waited too long."},
		{"council", "The Norwegian Refugee Council said aid workers could not reach the camp."},
		{"fund", "The Central Emergency Response Fund said it would release money."},
		{"a head noun of speaker bodies", "The Arab Contact Group said the plan was dead."},
		{"a second portfolio", "Minister of Foreign Affairs and Emigration said the plan was dead."},
		{"a name after an article", "\"These are strange days,\" said a lawyer for the Sierra Club, who has challenged the mines for years."},
		{"a title phrase ending in an article", "\"Voters have heard this before,\" a spokesman for the United Mine Workers said on Monday."},
		{"a club", "The Sierra Club said the plan was dead."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a := e.Analyze("Headline\n\n" + tt.text); len(a.People) != 0 {
				t.Errorf("got people %+v", a.People)
			}
		})
	}
}
