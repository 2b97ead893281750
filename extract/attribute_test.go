package extract

import "testing"

// TestAttribution checks one reporting construction per case. Each text is
// a small article; the quote is the first one the analysis reports.
func TestAttribution(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, text, quote, speaker, kind string
	}{
		{"X said", `Foreign Minister Jean-Marc Ayrault spoke. "We will act now," Ayrault said.`,
			"We will act now,", "Jean-Marc Ayrault", "person"},
		{"said X", `"We will act now," said French Foreign Minister Jean-Marc Ayrault.`,
			"We will act now,", "Jean-Marc Ayrault", "person"},
		{"colon", `Russian Foreign Minister Sergei Lavrov said: "The West is not listening to us."`,
			"The West is not listening to us.", "Sergei Lavrov", "person"},
		{"told", `"The talks will go on," Lavrov told reporters in Moscow after meeting Secretary of State John Kerry.`,
			"The talks will go on,", "Lavrov", "person"},
		{"pronoun", "Russian Foreign Minister Sergei Lavrov met John Kerry on Monday.\n\n\"We made progress today,\" he said.",
			"We made progress today,", "Sergei Lavrov", "person"},
		{"role noun", "Russian Foreign Minister Sergei Lavrov met U.S. officials.\n\n\"We made progress today,\" the minister said.",
			"We made progress today,", "Sergei Lavrov", "person"},
		{"the diplomat: the minister or spokesperson just named",
			"Russian Foreign Ministry spokeswoman Maria Zakharova spoke on Wednesday.\n\n\"The facts speak for themselves,\" the diplomat stressed.",
			"The facts speak for themselves,", "Maria Zakharova", "person"},
		{"the diplomat: not a person with no diplomatic role",
			"Economist Maria Petrova spoke on Wednesday.\n\n\"The facts speak for themselves,\" the diplomat stressed.",
			"The facts speak for themselves,", "", ""},
		{"pointed out is a tag",
			"Russian Foreign Ministry spokeswoman Maria Zakharova spoke on Wednesday.\n\n\"Brussels is acting under dictation,\" Zakharova pointed out.",
			"Brussels is acting under dictation,", "Maria Zakharova", "person"},
		{"he: the subject after 'For his part,' past the speaker before",
			"ABU DHABI (WAM) -- Sheikh Abdullah bin Zayed Al Nahyan received Dr. Badr Abdelatty, Minister of Foreign Affairs of Egypt, today.\n\n\"We share a vision,\" Sheikh Abdullah said.\n\nFor his part, Abdelatty highlighted the importance of coordination. \"Egypt values these positions,\" he stressed.",
			"Egypt values these positions,", "Badr Abdelatty", "person"},
		{"unresolvable role noun stays open", "Talks resumed on Monday.\n\n\"We made progress today,\" the minister said.",
			"We made progress today,", "", ""},
		{"infinitive of purpose", `Venezuelan Foreign Minister Yvan Gil used his right of reply to reject the speech as "a travesty of the truth".`,
			"a travesty of the truth", "Yvan Gil", "person"},
		{"infinitive after an object is not the subject's", `Venezuelan Foreign Minister Yvan Gil wanted members to reject the speech as "a travesty of the truth".`,
			"a travesty of the truth", "", ""},
		{"he: the single person subject of the sentence before, past earlier men",
			"President Emmanuel Macron met President William Ruto on Monday.\n\nBut opposition leader Raila Odinga was sceptical. \"Speeches are cheap,\" he told the Daily Nation newspaper.",
			"Speeches are cheap,", "Raila Odinga", "person"},
		{"he: the name in apposition to the subject before",
			"President Emmanuel Macron met President William Ruto on Monday.\n\nThe head of the African Development Bank, Akinwumi Adesina, welcomed the pledge. \"This is a good start,\" he said.",
			"This is a good start,", "Akinwumi Adesina", "person"},
		{"he: not the subject when another person is named with it",
			"President Emmanuel Macron met President William Ruto on Monday.\n\nOpposition leader Raila Odinga met Macron later. \"Speeches are cheap and promises are cheaper,\" he told the Daily Nation newspaper.",
			"Speeches are cheap and promises are cheaper,", "", ""},
		{"she: the subject of an infinitive of purpose",
			"British Ambassador Barbara Woodward criticised the government on Thursday.\n\nShe used her right of reply to reject his remarks as \"a distortion of the facts\".",
			"a distortion of the facts", "Barbara Woodward", "person"},
		{"she: skips a person already called he",
			"British Ambassador Barbara Woodward criticised the government.\n\nSudan's ambassador, Al-Harith Idriss Al-Harith Mohamed, rejected the criticism. \"The government has opened every crossing,\" he said.\n\nRussian Deputy Ambassador Dmitry Polyanskiy met Woodward later. She rejected his remarks as \"a distortion of the facts\".",
			"a distortion of the facts", "Barbara Woodward", "person"},
		{"according to", `"The deal is close," according to a senior Western diplomat.`,
			"The deal is close,", "a senior Western diplomat", "anonymous"},
		{"partial quote in reported speech", `Lavrov urged Washington to be "more constructive and engaged" in the talks.`,
			"more constructive and engaged", "Lavrov", "person"},
		{"anonymous", `"We are not there yet," a senior EU official said.`,
			"We are not there yet,", "a senior EU official", "anonymous"},
		{"organization", `"The visit is part of our efforts," the French foreign ministry said.`,
			"The visit is part of our efforts,", "the French foreign ministry", "organization"},
		{"document", `The draft resolution, seen by Reuters, urges all parties "to cease hostilities immediately."`,
			"to cease hostilities immediately.", "The draft resolution", "document"},
		{"parenthetical subject", `A senior diplomat, speaking on condition of anonymity, said: "They oppose every dot and comma."`,
			"They oppose every dot and comma.", "A senior diplomat", "anonymous"},
		{"possessive descriptor", `Qatar's foreign minister said the backing was "changing the equation" of the war.`,
			"changing the equation", "Qatar's foreign minister", "anonymous"},
		{"quoted as saying", `Iran's top negotiator, Ali Akbar Salehi, was quoted by ISNA as saying: "The text is almost finished."`,
			"The text is almost finished.", "Ali Akbar Salehi", "person"},
		{"continuation", `"It's all that's left," said a French diplomatic source. "We're not fools."`,
			"We're not fools.", "a French diplomatic source", "anonymous"},
		{"anonymous speaker blocks a named antecedent", "Foreign Minister Sergei Lavrov spoke first.\n\nA senior diplomat disagreed with him. \"We are far apart,\" he said.",
			"We are far apart,", "A senior diplomat", "anonymous"},
		{"participle shares the clause subject", `"We will respond," Foreign Minister Jean-Noël Barrot told lawmakers at the National Assembly, calling the move "unjustified and unacceptable".`,
			"unjustified and unacceptable", "Jean-Noël Barrot", "person"},
		{"speaker named in the next sentence: That was how X put it",
			"Opposition leader Yair Lapid spoke first.\n\n\"We are ready to serve.\" That was how National Unity chair Benny Gantz put it on Sunday.",
			"We are ready to serve.", "Benny Gantz", "person"},
		{"speaker named in the next sentence: That was the verdict of X",
			"Zelensky's office called the talks \"difficult\".\n\n\"Blackmail will not work.\" That was the verdict of Lithuanian Foreign Minister Kestutis Budrys, who arrived in Brussels.",
			"Blackmail will not work.", "Kestutis Budrys", "person"},
		{"closing tag after the reported words", `Seoul and Tokyo will act in "close and seamless coordination" with Washington, South Korean Foreign Minister Cho Tae-yul said on Tuesday.`,
			"close and seamless coordination", "Cho Tae-yul", "person"},
		{"relative clause verb", `The ministers issued a Joint Statement, which states that both countries "reaffirm the importance of the award".`,
			"reaffirm the importance of the award", "a Joint Statement", "document"},
		{"the official refers to the unnamed official", "A senior EU official, speaking on condition of anonymity, said talks had stalled.\n\n\"We have put a reasonable offer on the table,\" the official said.",
			"We have put a reasonable offer on the table,", "A senior EU official", "anonymous"},
		{"sloppy missing close mark", "Ukraine's human rights commissioner, Dmytro Lubinets, wrote on Telegram. \"Every one of them must come home, he wrote. \"We will not stop until they do.\"",
			"We will not stop until they do.", "Dmytro Lubinets", "person"},
		{"joint subject is not guessed", `Lavrov and Kerry told reporters that the two sides were "very close to a deal on the text" now.`,
			"very close to a deal on the text", "", ""},
		{"relative clause after according to", `The first round will be held in Istanbul in April, according to a statement from the Greek foreign ministry, which called the meeting "a constructive opening after a long silence".`,
			"a constructive opening after a long silence", "the Greek foreign ministry", "organization"},
		{"relative clause antecedent is the phrase before the comma", `The talks will take place in Geneva in May, which one newspaper called "a sign of hope for the region".`,
			"a sign of hope for the region", "", ""},
		{"countries joined by and are not one speaker", `South Korea and Japan will respond in "close coordination with the United States" this week.`,
			"close coordination with the United States", "", ""},
		{"a proper name of several words is a body", `Human Rights Watch said the summit had "failed to name those responsible" again.`,
			"failed to name those responsible", "Human Rights Watch", "organization"},
		{"another delegate is not the delegate before", "The representative of the United States called the draft \"counterproductive and dangerous\".\n\nThe representative of the Russian Federation described the Council as \"paralysed by double standards\".",
			"paralysed by double standards", "The representative of the Russian Federation", "anonymous"},
		{"short form before a surname particle", "Brazil's President Luiz Inácio Lula da Silva spoke first.\n\nOn Thursday, Lula said rich countries had \"not done their part\" yet.",
			"not done their part", "Luiz Inácio Lula da Silva", "person"},
		{"she skips a man named since", "EU foreign policy chief Kaja Kallas spoke first.\n\nKallas said the bloc had shared a list of firms. Hungarian Foreign Minister Peter Szijjarto has opposed new sanctions. \"We have the evidence and we will present it,\" she said.",
			"We have the evidence and we will present it,", "Kaja Kallas", "person"},
		{"he with two possible people stays open", "Foreign Minister Ayo Bello spoke after Defence Minister Chidi Okafor. \"We will not be intimidated by anyone,\" he said.",
			"We will not be intimidated by anyone,", "", ""},
		{"she of a woman with a man of unknown sex before her", "Foreign Minister Wang Yi arrived in Brussels.\n\nWang met Kaja Kallas. Kallas said the talks were hard. \"We spoke frankly about the drones,\" she said.",
			"We spoke frankly about the drones,", "Kaja Kallas", "person"},
		{"participle after a main clause with no reporting verb", `French President Emmanuel Macron defended the policy, telling students that "the era of bases is over now".`,
			"the era of bases is over now", "Emmanuel Macron", "person"},
		{"participle: not the subject of the reported clause", `Turkish Foreign Minister Hakan Fidan welcomed the decision on X, writing that Ankara "remains committed to dialogue".`,
			"remains committed to dialogue", "Hakan Fidan", "person"},
		{"object complement", `Opposition leader Nikos Androulakis rejected the plan as "a negotiation on Turkish terms".`,
			"a negotiation on Turkish terms", "Nikos Androulakis", "person"},
		{"dateline before the subject", `ABIDJAN (AFP) - French President Emmanuel Macron on Saturday defended the policy, telling students that "the era of bases is over now".`,
			"the era of bases is over now", "Emmanuel Macron", "person"},
		{"colon ending the paragraph before", "In a speech to ambassadors, Brazilian President Luiz Inácio Lula da Silva said:\n\n\"The Council was created to keep the peace.\"",
			"The Council was created to keep the peace.", "Luiz Inácio Lula da Silva", "person"},
		{"colon after a subject, a parenthetical and any verb", "Foreign Minister Mauro Vieira, speaking to reporters, went further:\n\n\"We have a proposal on the table.\"",
			"We have a proposal on the table.", "Mauro Vieira", "person"},
		{"the official after an according-to source and a named spokesperson", "Foreign Office spokesperson Mumtaz Zahra Baloch spoke on Friday.\n\nAccording to a Pakistani official who spoke on condition of anonymity, Islamabad expects no change. \"It is the same script every year,\" the official said.",
			"It is the same script every year,", "a Pakistani official", "anonymous"},
		{"the ministry is the ministry named in full before", "China's commerce ministry said in a statement that Beijing would \"take all necessary measures\" now. The ministry called the tariffs \"naked protectionism\" and filed a complaint.",
			"naked protectionism", "China's commerce ministry", "organization"},
		{"the ministry with no ministry speaking before stays as written", "Talks resumed on Monday. The ministry called the tariffs \"naked protectionism\" and filed a complaint.",
			"naked protectionism", "The ministry", "organization"},
		{"it after a body as the subject of the sentence before", "The RSF said its forces had targeted army positions and denied hitting civilians. It called the reports \"fabrications by the army and its allies\".",
			"fabrications by the army and its allies", "The RSF", "organization"},
		{"it with another body named in between stays open", "The RSF said its forces had clashed with troops backed by the UAE. It called the reports \"fabrications by the army and its allies\".",
			"fabrications by the army and its allies", "", ""},
		{"it after a person is never a person", "Foreign Minister Ayo Bello said the talks had failed. It called the reports \"fabrications by the army and its allies\".",
			"fabrications by the army and its allies", "", ""},
		{"time phrase between a country subject and its verb", "BEIJING (AP) - China on Wednesday warned the European Union that new tariffs would \"seriously damage\" trade ties.",
			"seriously damage", "China", "organization"},
		{"a quote that is the subject of a narrative sentence does not continue", "\"We are being asked to do more with less,\" Philippe Lazzarini said.\n\n\"It is a very serious situation for all of us\" has become a familiar refrain at the agency's meetings.",
			"It is a very serious situation for all of us", "", ""},
		{"a whole quoted sentence before narrative continues", "\"We are being asked to do more with less,\" Philippe Lazzarini said.\n\n\"We cannot go on like this for another year.\" He was speaking in Amman.",
			"We cannot go on like this for another year.", "Philippe Lazzarini", "person"},
		{"inverted tag after a question", `"Why now?" asked one student. "Our exams are in June."`,
			"Why now?", "one student", "anonymous"},
		{"inverted tag after an exclamation", `"Enough!" shouted a protester as police formed a line.`,
			"Enough!", "a protester", "anonymous"},
		{"pronoun tag after a description-only sentence, and its continuation", "But opposition leader Khalid Omer Yousif was sceptical. \"Speeches are cheap,\" he told the Sudan Tribune newspaper. \"We will see whether a single truck arrives.\"",
			"We will see whether a single truck arrives.", "Khalid Omer Yousif", "person"},
		{"the ministry after a body named as a subject without a quote", "Saudi Arabia's foreign ministry said on X that indirect talks would resume in Jeddah. The ministry urged both sides to \"put the interests of the Sudanese people above all else\".",
			"put the interests of the Sudanese people above all else", "Saudi Arabia's foreign ministry", "organization"},
		{"she skips an office holder known to be a man", "The EU's foreign policy chief, Kaja Kallas, pressed Chinese Foreign Minister Wang Yi on Wednesday.\n\nKallas said the bloc had shared a list of firms. Wang has repeatedly denied that China supplies Russia. \"We have the evidence, and we are ready to present it,\" she said.",
			"We have the evidence, and we are ready to present it,", "Kaja Kallas", "person"},
		{"which it described as: the document of the main clause", "The readout said the two ministers had reaffirmed their consensus on a settlement, which it described as \"an open platform for all peace-loving countries\".",
			"an open platform for all peace-loving countries", "The readout", "document"},
		{"which it described as: never a person of an earlier verb", "The minister said the leaders reaffirmed their consensus, which it described as \"an open platform for all peace-loving countries\".",
			"an open platform for all peace-loving countries", "", ""},
		{"what it called: the body of the main clause", "The Algerian foreign ministry said the measures were a response to what it called \"the hostile conduct of the French interior ministry\" last week.",
			"the hostile conduct of the French interior ministry", "The Algerian foreign ministry", "organization"},
		{"an acronym spelling a person's title", "External Affairs Minister Dr. S. Jaishankar held talks with Sheikh Abdullah.\n\nIn his opening remarks, EAM said: \"The UAE is today among our most important partners.\"",
			"The UAE is today among our most important partners.", "S. Jaishankar", "person"},
		{"a known body's acronym is the body", "European Union envoy Ayo Bello arrived in Kyiv. The EU said it was \"ready to do more for Ukraine\" this year.",
			"ready to do more for Ukraine", "The EU", "organization"},
		{"with X warning that: X speaks", "Members voiced frustration over the deadlock, as they held an emergency meeting today, with some delegates warning that the organ could lose its \"remaining credibility\" if unity remained out of reach.",
			"remaining credibility", "some delegates", "anonymous"},
		{"active quoted Y as saying", "Iranian state media quoted Foreign Minister Abbas Araghchi as saying that Tehran would \"never negotiate under pressure\".",
			"never negotiate under pressure", "Abbas Araghchi", "person"},
		{"a spokesman for a named person is not that person", "A spokesman for Prime Minister Keir Starmer said the government was \"clear-eyed\" about China.",
			"clear-eyed", "A spokesman for Prime Minister Keir Starmer", "anonymous"},
		{"a title with a preposition before the name", "Former U.S. ambassador to Russia Michael McFaul wrote on X that the summit was \"a gift to Putin\".",
			"a gift to Putin", "Michael McFaul", "person"},
		{"it after a quote refers to the body subject of the sentence before", "The Pentagon said it had deployed more troops. \"We are prepared for any contingency,\" it said in a statement.",
			"We are prepared for any contingency,", "The Pentagon", "organization"},
		{"it added after a body's quote", "\"We are prepared for any contingency,\" the Pentagon said. It added that \"no decision has been made\".",
			"no decision has been made", "the Pentagon", "organization"},
		{"it after a quoted body with another body named since stays open", "\"We are prepared for any contingency,\" the Pentagon said of Iran. It added that \"no decision has been made\".",
			"no decision has been made", "", ""},
		{"he is never the object of a verb", "Turkish President Recep Tayyip Erdogan hosted Syrian leader Ahmed al-Sharaa in Ankara. \"Syria's stability is our stability,\" he said.",
			"Syria's stability is our stability,", "Recep Tayyip Erdogan", "person"},
		{"he after two people joined by and stays open", "Egypt's Foreign Minister Badr Abdelatty and his Jordanian counterpart Ayman Safadi held talks in Cairo. \"We reject displacement of any kind,\" he said.",
			"We reject displacement of any kind,", "", ""},
		{"he of unknown sex two sentences back, past a sentence about a body, stays open", "Foreign Minister Ayo Bello spoke after the vote.\n\nThe opposition criticised the government. \"This is a disgrace,\" he said.",
			"This is a disgrace,", "", ""},
		{"he of unknown sex in the sentence before", "Sudan's ambassador to the United Nations, Al-Harith Idriss Al-Harith Mohamed, rejected the criticism. \"The government has opened every crossing,\" he said.",
			"The government has opened every crossing,", "Al-Harith Idriss Al-Harith Mohamed", "person"},
		{"an age between commas", `Foreign Minister Sergei Lavrov, 74, said: "We are ready."`,
			"We are ready.", "Sergei Lavrov", "person"},
		{"it past a demonym, a modifier and a place", "The Pentagon said it had no plans to withdraw U.S. troops and Syrian allies from northeastern Syria. \"Our mission has not changed at all,\" it said.",
			"Our mission has not changed at all,", "The Pentagon", "organization"},
		{"it past a country that is a clause subject stays open", "Ukraine's foreign ministry said Russia had launched 120 drones overnight. It said air defences had shot most down, calling the attack \"another act of terror\".",
			"another act of terror", "", ""},
		{"a name and a colon before the quote", "EU foreign policy chief Kaja Kallas arrived in Kyiv.\n\nKallas: \"We will not recognise the annexation.\"",
			"We will not recognise the annexation.", "Kaja Kallas", "person"},
		{"a description and a colon is not a name", "The minister was blunt: \"There is no deal on the table.\"",
			"There is no deal on the table.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := e.Analyze("Headline\n\n" + tt.text)
			q, ok := findQuote(a, tt.quote)
			if !ok {
				t.Fatalf("quote %q not found in %+v", tt.quote, a.Quotes)
			}
			if q.Speaker != tt.speaker || q.SpeakerKind != tt.kind {
				t.Errorf("speaker %q (%s), want %q (%s)", q.Speaker, q.SpeakerKind, tt.speaker, tt.kind)
			}
		})
	}
}

func TestAttributionLastClause(t *testing.T) {
	e := newTestExtractor(t)
	a := e.Analyze("Headline\n\nRussian Foreign Minister Sergei Lavrov said the talks had failed, while French Foreign Minister Jean-Marc Ayrault called the Russian position \"simply unacceptable\".")
	q, ok := findQuote(a, "simply unacceptable")
	if !ok || q.Speaker != "Jean-Marc Ayrault" {
		t.Errorf("got %+v, want the quote attributed to Jean-Marc Ayrault", a.Quotes)
	}
}

func TestTitleCaseQuoteIsNotSpeech(t *testing.T) {
	e := newTestExtractor(t)
	a := e.Analyze("Headline\n\nThe group, known as the \"Coalition of the Willing Nations\", met in Paris.\n\nBy Jane Doe and John Roe")
	if len(a.Quotes) != 0 {
		t.Errorf("got quotes %+v", a.Quotes)
	}
	if len(a.People) != 0 {
		t.Errorf("byline gave people %+v", a.People)
	}
}
