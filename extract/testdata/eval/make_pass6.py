#!/usr/bin/env python3
"""Generate pass6.jsonl: adversarial annotated articles that tempt the
engine into a wrong speaker, in outlet styles not yet imitated (Anadolu /
Daily Sabah, Times of Israel, Arab News, Politico Europe, EUobserver):
several people in one paragraph, a tag naming one person while another is
the subject ("X, speaking after talks with Y, said"), a third party's words
reported inside a quote, a quote whose speaker is named only in the next
sentence, "X said in response to Y, who had said", "Y countered" opening
the next paragraph, reactions listed country by country, people quoted
"told Haaretz/Politico", "said the statement, signed by X" (the statement
speaks), "a source close to X", "X's spokesperson" and "X's office" (never
X), and paraphrase next to quotation.

Annotation and checks follow make_fixtures.py.

Run:  python3 make_pass6.py          (writes pass6.jsonl and checks it)
      python3 make_pass6.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "pass6.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('p6-', 'attache-pass6', id, text, people, quotes, ignore))


# 1. Anadolu / Daily Sabah: the tag's subject spoke after talks with someone
#    else; a head of government's words reported (single-quoted) by his
#    minister; reactions by three people in one sentence; a source close to
#    the president.
art("anadolu-fidan", '''
ANKARA (AA) - Turkish Foreign Minister Hakan Fidan, speaking after talks with his Hungarian counterpart Peter Szijjarto, said Ankara would "never accept a fait accompli" in the Eastern Mediterranean.

"We discussed energy, trade and the war in Ukraine in a very sincere atmosphere," Fidan told a joint news conference in the capital, with Szijjarto standing beside him.

Szijjarto, for his part, praised Türkiye's mediation between Moscow and Kyiv. He said Hungarian Prime Minister Viktor Orban had asked him before the trip to deliver a message: 'Tell our Turkish friends that Hungary will always stand with them.'

"Without Türkiye there is no security in Europe, and every Hungarian knows it," Szijjarto added.

The remarks drew swift reactions. Greek Foreign Minister George Gerapetritis called them "provocative and unhelpful", while Cypriot government spokesman Konstantinos Letymbiotis said they were "unacceptable to any EU member" and EU foreign policy chief Kaja Kallas urged "restraint on all sides".

Fidan dismissed the criticism. Asked about Athens' response, he said Greece was free to hold its own views but that Türkiye would continue to defend the rights of Turkish Cypriots.

President Recep Tayyip Erdogan is expected to host Orban in Istanbul next month. "The president will not travel to Brussels unless the agenda on Cyprus changes," a source close to Erdogan told Anadolu on condition of anonymity.

Türkiye and Hungary signed seven agreements during the visit, including a deal on gas storage and a memorandum on rail links, officials said. Bilateral trade reached 6 billion dollars last year, according to the Turkish Trade Ministry, and both sides aim to raise it to 10 billion dollars by 2030.
''', [
    ("Hakan Fidan", ["Fidan"], "Foreign Minister", "Türkiye"),
    ("Peter Szijjarto", ["Szijjarto"], "counterpart", "Hungary"),
    ("Viktor Orban", ["Orban"], "Prime Minister", "Hungary"),
    ("George Gerapetritis", [], "Foreign Minister", "Greece"),
    ("Konstantinos Letymbiotis", [], "government spokesman", "Cyprus"),
    ("Kaja Kallas", [], "foreign policy chief", "EU"),
    ("Recep Tayyip Erdogan", ["Erdogan"], "President", "Türkiye"),
], [
    ("Hakan Fidan", P, "never accept a fait accompli"),
    ("Hakan Fidan", P, "We discussed energy, trade and the war in Ukraine in a very sincere atmosphere,"),
    ("Viktor Orban", P, "Tell our Turkish friends that Hungary will always stand with them."),
    ("Peter Szijjarto", P, "Without Türkiye there is no security in Europe, and every Hungarian knows it,"),
    ("George Gerapetritis", P, "provocative and unhelpful"),
    ("Konstantinos Letymbiotis", P, "unacceptable to any EU member"),
    ("Kaja Kallas", P, "restraint on all sides"),
    ("a source close to Erdogan", ANON, "The president will not travel to Brussels unless the agenda on Cyprus changes,"),
])

# 2. Times of Israel: the prime minister's office speaks, not the prime
#    minister; a quote whose speaker is named in the next sentence; "Y
#    countered" opening the next paragraph; "told Haaretz".
art("toi-hostages", '''
Prime Minister Benjamin Netanyahu's office said Sunday that Israel would send a delegation to Cairo "in the coming days" to discuss a hostage deal, but denied reports that it had agreed to withdraw from the Philadelphi Corridor.

"The prime minister has not changed his position by one millimeter," the office said in a statement.

Opposition leader Yair Lapid, speaking after a meeting with Einav Zangauker, whose son Matan is held in Gaza, said the government was "abandoning the hostages for the sake of its political survival."

"We are ready to sit in any government that brings them home tomorrow." That was how National Unity chair Benny Gantz put it on Sunday evening, in a video posted to social media. Gantz said he had told Netanyahu the same thing in private.

"A deal now is the only way to save the lives of those who are still alive," Gantz added.

National Security Minister Itamar Ben Gvir countered within the hour. "A deal that leaves Hamas standing is a surrender, and my party will not be part of it," he wrote on X.

Zangauker told Haaretz that she no longer believed the prime minister. "He looked me in the eye and promised, and nothing happened," she said.

A senior official involved in the negotiations told Haaretz that "the gaps are narrower than the public has been led to believe," but cautioned that Hamas had not yet responded to the latest Egyptian proposal.

Netanyahu's spokesman Omer Dostri declined to comment on the report. Defense Minister Israel Katz, meanwhile, said the army was ready to resume full-scale operations in Gaza if talks failed.

Some 59 hostages remain in Gaza, of whom at least 35 are believed dead, according to Israeli officials.
''', [
    ("Benjamin Netanyahu", ["Netanyahu"], "Prime Minister", "Israel"),
    ("Yair Lapid", [], "Opposition leader", "Israel"),
    ("Einav Zangauker", ["Zangauker"], "", ""),
    ("Matan", [], "", ""),
    ("Benny Gantz", ["Gantz"], "chair", "National Unity"),
    ("Itamar Ben Gvir", [], "National Security Minister", "Israel"),
    ("Omer Dostri", [], "spokesman", "Israel"),
    ("Israel Katz", [], "Defense Minister", "Israel"),
], [
    ("Netanyahu's office", ORG, "in the coming days"),
    ("Netanyahu's office", ORG, "The prime minister has not changed his position by one millimeter,"),
    ("Yair Lapid", P, "abandoning the hostages for the sake of its political survival."),
    ("Benny Gantz", P, "We are ready to sit in any government that brings them home tomorrow."),
    ("Benny Gantz", P, "A deal now is the only way to save the lives of those who are still alive,"),
    ("Itamar Ben Gvir", P, "A deal that leaves Hamas standing is a surrender, and my party will not be part of it,"),
    ("Einav Zangauker", P, "He looked me in the eye and promised, and nothing happened,"),
    ("A senior official involved in the negotiations", ANON, "the gaps are narrower than the public has been led to believe,"),
])

# 3. Arab News: a statement signed by the minister speaks; reactions listed
#    country by country; "X said in response to Y, who had said"; paraphrase
#    next to a quote.
art("arabnews-gaza", '''
RIYADH: Saudi Arabia on Tuesday rejected any plan to move Palestinians out of Gaza, in a strongly worded statement issued after talks in Riyadh with Arab foreign ministers.

"The Kingdom affirms its firm and unwavering rejection of any attempt to displace the Palestinian people from their land," said the statement, signed by Foreign Minister Prince Faisal bin Farhan.

Regional reaction to the US proposal was swift. Jordan called it "a flagrant violation of international law"; Egypt said it was "a recipe for endless war"; and the Arab League described it as "a dangerous escalation that threatens the whole region".

Egyptian Foreign Minister Badr Abdelatty said Cairo was preparing a reconstruction plan that would keep Gazans in the Strip. His Jordanian counterpart Ayman Safadi, however, warned that "time is running out for the people of Gaza".

GCC Secretary-General Jasem Albudaiwi said in response to US envoy Steve Witkoff, who had said Gaza would be "uninhabitable for ten to fifteen years", that the Gulf states were ready to "fund reconstruction, not relocation".

Witkoff, speaking to reporters in Washington alongside National Security Adviser Mike Waltz, said the administration wanted "a realistic plan, not slogans". Waltz said Arab states had yet to present an alternative.

Palestinian Prime Minister Mohammad Mustafa thanked the Kingdom for its position. "Gaza is an inseparable part of the Palestinian state, and its people will rebuild it," he said.

Arab leaders are due to meet in Cairo at the end of the month to adopt a joint reconstruction plan, expected to cost more than 50 billion dollars over several years.
''', [
    ("Faisal bin Farhan", [], "Foreign Minister", "Saudi Arabia"),
    ("Badr Abdelatty", [], "Foreign Minister", "Egypt"),
    ("Ayman Safadi", [], "counterpart", "Jordan"),
    ("Jasem Albudaiwi", [], "Secretary-General", "GCC"),
    ("Steve Witkoff", ["Witkoff"], "envoy", "United States"),
    ("Mike Waltz", ["Waltz"], "National Security Adviser", "United States"),
    ("Mohammad Mustafa", [], "Prime Minister", "Palestine"),
], [
    ("the statement", DOC, "The Kingdom affirms its firm and unwavering rejection of any attempt to displace the Palestinian people from their land,"),
    ("Jordan", ORG, "a flagrant violation of international law"),
    ("Egypt", ORG, "a recipe for endless war"),
    ("the Arab League", ORG, "a dangerous escalation that threatens the whole region"),
    ("Ayman Safadi", P, "time is running out for the people of Gaza"),
    ("Steve Witkoff", P, "uninhabitable for ten to fifteen years"),
    ("Jasem Albudaiwi", P, "fund reconstruction, not relocation"),
    ("Steve Witkoff", P, "a realistic plan, not slogans"),
    ("Mohammad Mustafa", P, "Gaza is an inseparable part of the Palestinian state, and its people will rebuild it,"),
])

# 4. Politico Europe: four leaders in one paragraph with one quote; a
#    president's spokesperson (unnamed) and a named commission spokesperson;
#    "told Politico"; a source close to the president.
art("politico-summit", '''
BRUSSELS — The emergency dinner at the Élysée was supposed to show European unity. It did not quite work out that way.

The meeting brought together German Chancellor Friedrich Merz, French President Emmanuel Macron, Italian Prime Minister Giorgia Meloni and Polish Prime Minister Donald Tusk. Merz arrived late; Meloni left early; and Tusk, who had pushed hardest for the meeting, called it "a wake-up call that Europe cannot afford to sleep through".

Macron's spokesperson said the president had "full confidence" in the European partners and that the dinner had been "frank and useful". A source close to Macron was blunter: "Some capitals still think Washington will save them. It will not."

Commission President Ursula von der Leyen did not attend. Her chief spokesperson, Paula Pinho, said the Commission would "not comment on private meetings between leaders".

Hungarian Prime Minister Viktor Orban, who was not invited, told Politico the format was "a club of the nervous". "They meet in Paris and decide for everyone, and then they are surprised that people vote for us," Orban said.

Meloni's office said she had left because of a "long-scheduled commitment in Rome", denying any rift with Macron.

One EU diplomat told Politico the talks had been "going nowhere fast" until Tusk intervened. Another, speaking after the dinner, said Merz and Macron had clashed over joint borrowing for defense.

Merz, asked by reporters on Thursday morning, said Germany was open to "every option that strengthens our security", without mentioning Eurobonds.

EU leaders will meet again in Brussels in two weeks, when the Commission is expected to present its plan to mobilize up to 800 billion euros for defense.
''', [
    ("Friedrich Merz", ["Merz"], "Chancellor", "Germany"),
    ("Emmanuel Macron", ["Macron"], "President", "France"),
    ("Giorgia Meloni", ["Meloni"], "Prime Minister", "Italy"),
    ("Donald Tusk", ["Tusk"], "Prime Minister", "Poland"),
    ("Ursula von der Leyen", [], "Commission President", "European Commission"),
    ("Paula Pinho", [], "chief spokesperson", "European Commission"),
    ("Viktor Orban", ["Orban"], "Prime Minister", "Hungary"),
], [
    ("Donald Tusk", P, "a wake-up call that Europe cannot afford to sleep through"),
    ("Macron's spokesperson", ANON, "full confidence"),
    ("Macron's spokesperson", ANON, "frank and useful"),
    ("A source close to Macron", ANON, "Some capitals still think Washington will save them. It will not."),
    ("Paula Pinho", P, "not comment on private meetings between leaders"),
    ("Viktor Orban", P, "a club of the nervous"),
    ("Viktor Orban", P, "They meet in Paris and decide for everyone, and then they are surprised that people vote for us,"),
    ("Meloni's office", ORG, "long-scheduled commitment in Rome"),
    ("One EU diplomat", ANON, "going nowhere fast"),
    ("Friedrich Merz", P, "every option that strengthens our security"),
])

# 5. EUobserver: a third party's words inside a quote; the president's
#    office speaks; an MEP reports an anonymous diplomat's words; a quote
#    whose speaker follows in the next sentence.
art("euobs-sanctions", '''
EU foreign ministers failed on Monday to agree a new sanctions package against Russia, after Slovakia blocked the text over gas transit.

"I asked him directly whether Russia would ever leave Crimea, and Putin told me: 'We will never withdraw, not in a hundred years,'" Finnish President Alexander Stubb said at a security conference in Helsinki, recalling their last meeting in 2022.

Estonian MEP Urmas Paet said a Russian diplomat had told him at a reception in Brussels: 'Your sanctions are a gift to our industry.' Paet said the EU had to close the loopholes that made such boasts possible.

Slovak Prime Minister Robert Fico, speaking after a phone call with Ukrainian President Volodymyr Zelensky, said Bratislava would not back the package "until our gas question is solved".

Zelensky's office said the call had been "difficult but necessary" and that Kyiv would not resume the transit of Russian gas.

"Blackmail will not work in this union." That was the verdict of Lithuanian Foreign Minister Kęstutis Budrys, who arrived at the meeting in Brussels alongside his Latvian colleague Baiba Braže.

Braže, asked whether Slovakia could be outvoted, said the treaties did not allow it. Budrys said he expected a deal "within weeks, not months".

EU foreign policy chief Kaja Kallas, speaking after the meeting, said she regretted the delay. "Every week we lose is a week Moscow gains," Kallas said, adding that the package would target the shadow fleet, banks and liquefied natural gas.

The previous package, the sixteenth, was adopted in February after Hungary dropped its own objections at the last minute.
''', [
    ("Alexander Stubb", [], "President", "Finland"),
    ("Putin", [], "", "Russia"),
    ("Urmas Paet", ["Paet"], "MEP", "Estonia"),
    ("Robert Fico", [], "Prime Minister", "Slovakia"),
    ("Volodymyr Zelensky", ["Zelensky"], "President", "Ukraine"),
    ("Kęstutis Budrys", ["Budrys"], "Foreign Minister", "Lithuania"),
    ("Baiba Braže", ["Braže"], "colleague", "Latvia"),
    ("Kaja Kallas", ["Kallas"], "foreign policy chief", "EU"),
], [
    ("Alexander Stubb", P, "I asked him directly whether Russia would ever leave Crimea, and Putin told me: 'We will never withdraw, not in a hundred years,'"),
    ("Putin", P, "We will never withdraw, not in a hundred years,"),
    ("a Russian diplomat", ANON, "Your sanctions are a gift to our industry."),
    ("Robert Fico", P, "until our gas question is solved"),
    ("Zelensky's office", ORG, "difficult but necessary"),
    ("Kęstutis Budrys", P, "Blackmail will not work in this union."),
    ("Kęstutis Budrys", P, "within weeks, not months"),
    ("Kaja Kallas", P, "Every week we lose is a week Moscow gains,"),
])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
