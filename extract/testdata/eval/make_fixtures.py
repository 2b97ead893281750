#!/usr/bin/env python3
"""Generate fixtures.jsonl: original, annotated diplomatic news articles.

The articles are written for attache (not copied from any outlet) and
annotated in the format of /work/shared/eval/dev.jsonl:

  people  every named person, fullest name, other forms used as aliases,
          role as written (without the country demonym/possessive),
          affiliation as a country or organisation;
  quotes  speaker (person's name, or the descriptor the article uses),
          kind person/anonymous/organization/document, and the text
          exactly as it stands between the marks (a trailing comma or full
          stop inside the marks is kept); a quote running over several
          paragraphs is annotated one paragraph at a time;
  ignore  headline quotes and scare/name quotes that nobody says.

Run:  python3 make_fixtures.py          (writes fixtures.jsonl and checks it)
      python3 make_fixtures.py --check  (checks only)
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures.jsonl")

A = []


def article(prefix, source, id, text, people, quotes, ignore=()):
    """One gold article in dev.jsonl's format; every make_*.py builds with it."""
    return {
        "id": prefix + id,
        "source": source,
        "text": text.strip("\n"),
        "people": [{"name": n, "aliases": list(al), "role": r, "affiliation": af} for n, al, r, af in people],
        "quotes": [{"speaker": s, "kind": k, "text": t} for s, k, t in quotes],
        "ignore": list(ignore),
    }


def art(id, text, people, quotes, ignore=()):
    A.append(article("fx-", "attache-fixture", id, text, people, quotes, ignore))


P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"

# 1. Reuters, Seoul: headline quote, split quote, sub-headline in capitals,
#    "told Reuters", anonymous diplomats, hyphenated name, partial quotes
#    relayed by a news agency, "on Wednesday" / "in Seoul" / "in Beijing".
art("reuters-seoul-missile", '''
S.Korea, Japan vow "seamless" response after North Korean missile launch

SEOUL (Reuters) - South Korea and Japan will respond to North Korea's latest ballistic missile launch in "close and seamless coordination" with the United States, South Korean Foreign Minister Cho Tae-yul said on Tuesday, after the North fired what appeared to be an intermediate-range missile into the sea.

The launch, the first since January, came hours before Cho was due to meet his Japanese counterpart, Foreign Minister Takeshi Iwaya, in Seoul.

"Pyongyang's provocations will only deepen its isolation," Cho told reporters after the meeting. "We don't negotiate with threats, and we won't start now."

Iwaya said Tokyo had lodged a protest through its embassy in Beijing, the channel it uses for messages to Pyongyang. "Japan cannot accept repeated launches that threaten the peace and stability of the region," he said.

North Korea's state news agency KCNA said leader Kim Jong Un had personally overseen the test and called it "a stern warning" to "hostile forces" gathering on the peninsula.

"NOTHING WITH TEETH"

Two diplomats familiar with the talks said Seoul and Tokyo would press for a new round of U.N. Security Council sanctions, although they expected Russia and China to block any resolution.

"There is no appetite in Moscow for anything with teeth," one of the diplomats told Reuters, speaking on condition of anonymity because the discussions were private.

Kurt Campbell, the U.S. deputy secretary of state, spoke to both ministers by telephone on Wednesday, the State Department said, without giving details.

The two ministers also agreed to revive a trilateral summit with China that has been stalled for years. Asked whether Seoul would reconsider its own non-nuclear status, the South Korean minister was blunt.

"Our position hasn't changed since the '90s: denuclearisation of the whole peninsula, nothing less," Cho said.
''', [
    ("Cho Tae-yul", ["Cho"], "Foreign Minister", "South Korea"),
    ("Takeshi Iwaya", ["Iwaya"], "Foreign Minister", "Japan"),
    ("Kim Jong Un", [], "leader", "North Korea"),
    ("Kurt Campbell", [], "deputy secretary of state", "United States"),
], [
    ("Cho Tae-yul", P, "close and seamless coordination"),
    ("Cho Tae-yul", P, "Pyongyang's provocations will only deepen its isolation,"),
    ("Cho Tae-yul", P, "We don't negotiate with threats, and we won't start now."),
    ("Takeshi Iwaya", P, "Japan cannot accept repeated launches that threaten the peace and stability of the region,"),
    ("Kim Jong Un", P, "a stern warning"),
    ("Kim Jong Un", P, "hostile forces"),
    ("one of the diplomats", ANON, "There is no appetite in Moscow for anything with teeth,"),
    ("Cho Tae-yul", P, "Our position hasn't changed since the '90s: denuclearisation of the whole peninsula, nothing less,"),
], ["seamless", "NOTHING WITH TEETH"])

# 2. AP, Kyiv: curly quotes, she/he with a woman and a man side by side,
#    "wrote on Telegram", "told The Associated Press", first name inside a
#    quote, photo caption.
art("ap-kyiv-energy", '''
EU’s top diplomat visits Kyiv as Russian strikes hit power grid

EU foreign policy chief Kaja Kallas, left, and Ukrainian Foreign Minister Andrii Sybiha speak to reporters at Kyiv’s central railway station, Sunday. (AP Photo)

KYIV, Ukraine (AP) — The European Union’s foreign policy chief, Kaja Kallas, arrived in Kyiv on Sunday with a pledge of fresh air defense funding, hours after Russian drones and missiles knocked out power to hundreds of thousands of homes.

Kallas met Sybiha at a railway station still blacked out from the overnight attack. She said the bloc would unlock another 1.5 billion euros ($1.6 billion) from the proceeds of frozen Russian assets before the end of the month.

“Russia is trying to freeze Ukrainians into submission, and it is failing,” she said. “Every strike on a power plant is a war crime, not a military tactic.”

Sybiha thanked the EU but urged it to move faster. “We are grateful, but gratitude doesn’t stop a Shahed drone,” he said. “Patriots do.”

Ukraine’s air force said 47 of 62 drones were shot down overnight. President Volodymyr Zelenskyy wrote on Telegram that the attack had targeted “exclusively civilian infrastructure” and called on allies to “stop counting and start delivering.”

In Moscow, Kremlin spokesman Dmitry Peskov told reporters that the strikes were aimed at “military-related energy facilities.”

Kallas later told The Associated Press that she did not expect Hungary, which has held up several previous packages, to block the new funding. “Viktor has made his point. I don’t think he wants to be the only one standing in the way,” she said, referring to Hungarian Prime Minister Viktor Orbán.

The two ministers also discussed Ukraine’s bid to join the EU. Sybiha said formal negotiations on the first cluster of chapters should open “no later than June.”
''', [
    ("Kaja Kallas", ["Kallas"], "foreign policy chief", "European Union"),
    ("Andrii Sybiha", ["Sybiha"], "Foreign Minister", "Ukraine"),
    ("Volodymyr Zelenskyy", [], "President", "Ukraine"),
    ("Dmitry Peskov", [], "Kremlin spokesman", "Russia"),
    ("Viktor Orbán", ["Viktor"], "Prime Minister", "Hungary"),
], [
    ("Kaja Kallas", P, "Russia is trying to freeze Ukrainians into submission, and it is failing,"),
    ("Kaja Kallas", P, "Every strike on a power plant is a war crime, not a military tactic."),
    ("Andrii Sybiha", P, "We are grateful, but gratitude doesn’t stop a Shahed drone,"),
    ("Andrii Sybiha", P, "Patriots do."),
    ("Volodymyr Zelenskyy", P, "exclusively civilian infrastructure"),
    ("Volodymyr Zelenskyy", P, "stop counting and start delivering."),
    ("Dmitry Peskov", P, "military-related energy facilities."),
    ("Kaja Kallas", P, "Viktor has made his point. I don’t think he wants to be the only one standing in the way,"),
    ("Andrii Sybiha", P, "no later than June."),
])

# 3. AFP, Paris: guillemets with and without French spacing, ministry
#    statement, "wrote on X", anonymous diplomat, apostrophes/elisions,
#    people mentioned but not quoted.
art("afp-paris-algeria", '''
France recalls ambassador as row with Algeria deepens

Paris (AFP) - France on Tuesday recalled its ambassador to Algiers for consultations, Foreign Minister Jean-Noël Barrot said, after Algeria ordered the expulsion of 12 French embassy staff in a widening row over migration and the detention of a French-Algerian writer.

« Algeria has chosen escalation. France will respond firmly and proportionately », Barrot told lawmakers at the National Assembly, calling the expulsions «unjustified and unacceptable».

The Algerian foreign ministry said in a statement that the measures were a «sovereign response» to what it called « the hostile conduct » of the French interior ministry, which it accused of orchestrating the arrest of an Algerian consular official in Paris last week.

Interior Minister Bruno Retailleau, who has pushed for a tougher line on deportations, wrote on X that France « must not be naïve » and that Algeria's leaders "don't respect weakness".

President Emmanuel Macron and Algerian President Abdelmadjid Tebboune had agreed only last month to relaunch ties after months of tension, in a phone call that the Élysée described as "frank and friendly".

The writer, Boualem Sansal, 80, has been held in Algeria since November on charges of undermining national unity. His publisher, Antoine Gallimard, said after visiting him that Sansal was « tired but unbroken ».

« He asks about France every day. He doesn't understand why he is still there », Gallimard told AFP.

A European diplomat in Algiers, who asked not to be named, said the crisis was the worst since the early 2000s. « Nobody here expects a quick thaw. Each side is waiting for the other to blink », the diplomat said.

Trade between the two countries, worth nearly 12 billion euros a year, has so far been spared.
''', [
    ("Jean-Noël Barrot", ["Barrot"], "Foreign Minister", "France"),
    ("Bruno Retailleau", [], "Interior Minister", "France"),
    ("Emmanuel Macron", [], "President", "France"),
    ("Abdelmadjid Tebboune", [], "President", "Algeria"),
    ("Boualem Sansal", ["Sansal"], "writer", ""),
    ("Antoine Gallimard", ["Gallimard"], "publisher", ""),
], [
    ("Jean-Noël Barrot", P, "Algeria has chosen escalation. France will respond firmly and proportionately"),
    ("Jean-Noël Barrot", P, "unjustified and unacceptable"),
    ("The Algerian foreign ministry", ORG, "sovereign response"),
    ("The Algerian foreign ministry", ORG, "the hostile conduct"),
    ("Bruno Retailleau", P, "must not be naïve"),
    ("Bruno Retailleau", P, "don't respect weakness"),
    ("the Élysée", ORG, "frank and friendly"),
    ("Antoine Gallimard", P, "tired but unbroken"),
    ("Antoine Gallimard", P, "He asks about France every day. He doesn't understand why he is still there"),
    ("A European diplomat in Algiers", ANON, "Nobody here expects a quick thaw. Each side is waiting for the other to blink"),
])

# 4. UN press release: headline quote in single curly marks, "the
#    Under-Secretary-General said", "he stressed", appositive envoy,
#    "The envoy added", document quote, unnamed representatives, double
#    spaces after full stops, British punctuation outside the marks.
art("unpress-sudan-council", '''
Sudan Facing ‘Catastrophe upon Catastrophe’, Humanitarian Chief Tells Security Council, Urging Pause in Fighting around El Fasher

The humanitarian situation in Sudan has deteriorated to levels not seen in decades, the Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator told the Security Council today, as members weighed a draft resolution calling for a humanitarian pause around the besieged city of El Fasher.

Tom Fletcher, briefing by videoconference from Port Sudan, said that more than 25 million people faced acute hunger.  “Famine has been confirmed in five areas and is projected in five more.  This is not a statistic; it is a choice being made by the parties,” the Under-Secretary-General said.

He went on to say that humanitarian convoys had been held at checkpoints for weeks.  “We have the trucks, we have the food, we have the people.  What we do not have is access,” he stressed.

Ramtane Lamamra, the Personal Envoy of the Secretary-General for Sudan, said that both the Sudanese Armed Forces and the Rapid Support Forces had assured him of their commitment to talks, “but commitments on paper have yet to reach the ground”.  The envoy added that he intended to convene the parties in Geneva next month, and that Secretary-General António Guterres stood ready to attend.

The draft resolution, circulated by the United Kingdom, “demands that the parties immediately cease hostilities in and around El Fasher”.

In the ensuing debate, the representative of the Russian Federation said the Council should not “dictate to a sovereign Government” and warned against measures that would “reward armed groups”.

Sudan’s representative, Al-Harith Idriss al-Harith Mohamed, said his Government had opened three additional crossings.  “Sudan has never refused humanitarian access.  What we refuse is the politicization of aid,” he insisted.

The representative of Guyana, speaking also for Sierra Leone and Somalia, urged the Council to act before the rainy season.
''', [
    ("Tom Fletcher", [], "Under-Secretary-General for Humanitarian Affairs and Emergency Relief Coordinator", "United Nations"),
    ("Ramtane Lamamra", [], "Personal Envoy of the Secretary-General for Sudan", "United Nations"),
    ("António Guterres", [], "Secretary-General", "United Nations"),
    ("Al-Harith Idriss al-Harith Mohamed", [], "representative", "Sudan"),
], [
    ("Tom Fletcher", P, "Famine has been confirmed in five areas and is projected in five more.  This is not a statistic; it is a choice being made by the parties,"),
    ("Tom Fletcher", P, "We have the trucks, we have the food, we have the people.  What we do not have is access,"),
    ("Ramtane Lamamra", P, "but commitments on paper have yet to reach the ground"),
    ("The draft resolution", DOC, "demands that the parties immediately cease hostilities in and around El Fasher"),
    ("the representative of the Russian Federation", ANON, "dictate to a sovereign Government"),
    ("the representative of the Russian Federation", ANON, "reward armed groups"),
    ("Al-Harith Idriss al-Harith Mohamed", P, "Sudan has never refused humanitarian access.  What we refuse is the politicization of aid,"),
], ["Catastrophe upon Catastrophe"])

# 5. Ministry readout (India): initials, "EAM said:", "posted on X",
#    ministry press release, honorifics (Dr., His Highness Sheikh).
art("readout-india-uae", '''
Visit of Deputy Prime Minister and Minister of Foreign Affairs of the UAE to India

His Highness Sheikh Abdullah bin Zayed Al Nahyan, Deputy Prime Minister and Minister of Foreign Affairs of the United Arab Emirates, paid an official visit to New Delhi on 11-12 March 2025.

External Affairs Minister Dr. S. Jaishankar held delegation-level talks with Sheikh Abdullah at Hyderabad House on 12 March. The two Ministers reviewed progress under the Comprehensive Economic Partnership Agreement, cooperation in energy, fintech and defence, and the India-Middle East-Europe Economic Corridor (IMEC).

In his opening remarks, EAM said: "The UAE is today among our most important partners, not just in trade and energy but in shaping a more connected region. IMEC is a vision we intend to turn into reality, step by step."

Sheikh Abdullah noted that bilateral trade had crossed USD 100 billion and said the UAE was ready to "go further and faster" on the corridor. He conveyed the warm greetings of the UAE leadership to Prime Minister Narendra Modi, on whom he called later in the day.

Both sides reaffirmed their strong condemnation of terrorism in all its forms and manifestations. In a press release, the Ministry of External Affairs said the two Ministers had also "exchanged views on the situation in West Asia, including Gaza and the Red Sea, and underlined the importance of freedom of navigation".

After the talks, Dr. Jaishankar posted on X: "Warm and productive conversation with my brother FM @ABZayed. Our Comprehensive Strategic Partnership keeps getting stronger."

The two Ministers also co-chaired the 16th session of the India-UAE Joint Commission Meeting, which agreed to set up working groups on critical minerals and maritime connectivity. The next session will be held in Abu Dhabi in 2026.
''', [
    ("S. Jaishankar", ["Dr. Jaishankar"], "External Affairs Minister", "India"),
    ("Abdullah bin Zayed Al Nahyan", ["Sheikh Abdullah"], "Deputy Prime Minister and Minister of Foreign Affairs", "United Arab Emirates"),
    ("Narendra Modi", [], "Prime Minister", "India"),
], [
    ("S. Jaishankar", P, "The UAE is today among our most important partners, not just in trade and energy but in shaping a more connected region. IMEC is a vision we intend to turn into reality, step by step."),
    ("Abdullah bin Zayed Al Nahyan", P, "go further and faster"),
    ("the Ministry of External Affairs", ORG, "exchanged views on the situation in West Asia, including Gaza and the Red Sea, and underlined the importance of freedom of navigation"),
    ("S. Jaishankar", P, "Warm and productive conversation with my brother FM @ABZayed. Our Comprehensive Strategic Partnership keeps getting stronger."),
])

# 6. Al Jazeera-like: headline in single straight quotes, possessive title,
#    quote with no space after the colon, "Hamas said in a statement",
#    "told Al Jazeera", prime minister's office, al- particle.
art("aljazeera-cairo-talks", '''
Hamas says Gaza truce talks 'at a critical stage' as mediators meet in Cairo

Egypt's foreign minister Badr Abdelatty has said mediators presented "a bridging proposal" to Israel and Hamas, as negotiators gathered in Cairo on Saturday for a new round of indirect talks on a Gaza ceasefire.

Speaking at a news conference in Cairo alongside Norwegian Foreign Minister Espen Barth Eide, Abdelatty said:"Egypt, Qatar and the United States are working around the clock. There is no alternative to a ceasefire, and there is no alternative to the two-state solution."

Hamas said in a statement that it had received the proposal and would study it "positively and responsibly", but insisted that any agreement must lead to "a complete and permanent end to the aggression".

Senior Hamas official Basem Naim told Al Jazeera the group had shown "maximum flexibility" over the sequencing of a prisoner exchange. "The ball is now in Netanyahu's court," he said.

Israeli Prime Minister Benjamin Netanyahu has repeatedly said the war will not end until Hamas is disarmed. His office said in a brief statement on Saturday evening that Israel "will not agree to any arrangement that leaves Hamas in power in Gaza".

In Doha, Qatari foreign ministry spokesman Majed al-Ansari was more cautious. "We are hopeful, but we have been here before, and we have learned not to announce anything until it is signed," al-Ansari told reporters on Tuesday.

Eide said Norway, which chairs the donor group for the Palestinians, was ready to convene a reconstruction conference "the day the guns fall silent".

More than 2 million people remain crowded into the south and centre of the Gaza Strip, according to the United Nations, and aid agencies say deliveries through the Kerem Shalom and Rafah crossings have slowed to a trickle.
''', [
    ("Badr Abdelatty", ["Abdelatty"], "foreign minister", "Egypt"),
    ("Espen Barth Eide", ["Eide"], "Foreign Minister", "Norway"),
    ("Basem Naim", [], "senior Hamas official", "Hamas"),
    ("Benjamin Netanyahu", ["Netanyahu"], "Prime Minister", "Israel"),
    ("Majed al-Ansari", ["al-Ansari"], "foreign ministry spokesman", "Qatar"),
], [
    ("Badr Abdelatty", P, "a bridging proposal"),
    ("Badr Abdelatty", P, "Egypt, Qatar and the United States are working around the clock. There is no alternative to a ceasefire, and there is no alternative to the two-state solution."),
    ("Hamas", ORG, "positively and responsibly"),
    ("Hamas", ORG, "a complete and permanent end to the aggression"),
    ("Basem Naim", P, "maximum flexibility"),
    ("Basem Naim", P, "The ball is now in Netanyahu's court,"),
    ("His office", ORG, "will not agree to any arrangement that leaves Hamas in power in Gaza"),
    ("Majed al-Ansari", P, "We are hopeful, but we have been here before, and we have learned not to announce anything until it is signed,"),
    ("Espen Barth Eide", P, "the day the guns fall silent"),
], ["at a critical stage"])

# 7. BBC-like: Lula / da Silva / von der Leyen, "Mr Vieira", a quote over
#    two paragraphs (opening mark repeated, closing only on the last),
#    apostrophe '92 inside double quotes, "told the BBC", NGO statement.
art("bbc-belem-climate", '''
Lula tells rich nations to 'pay what they owe' on climate

Brazil's President Luiz Inácio Lula da Silva has told wealthy countries they must honour their climate finance pledges, as leaders gathered in the Amazon city of Belém ahead of the UN climate summit.

Speaking at the opening of the leaders' meeting on Thursday, Lula said developing countries had "done their part" in cutting deforestation and now expected the same from the industrialised world.

"For thirty years we have heard promises. In Rio in '92, in Kyoto, in Paris, in Glasgow. The forest does not live on promises.

"If the rich countries do not pay what they owe, they should at least have the decency to stop lecturing those who are protecting the Amazon," he said, to applause from the hall.

European Commission President Ursula von der Leyen, speaking after him, said the EU remained "the world's largest contributor of climate finance" and would "keep its word".

Brazil's foreign minister, Mauro Vieira, told the BBC that negotiators were close to agreeing the rules of a new fund to reward countries that keep their tropical forests standing.

"We are not asking for charity. We are offering a partnership in which everyone wins," Mr Vieira said. "Those who doubt it should come and see the forest for themselves."

Colombian President Gustavo Petro, who has called for a phase-out of oil exploration in the Amazon basin, did not attend.

The Climate Observatory, a network of Brazilian environmental groups, said the meeting risked becoming "another photo opportunity" unless it produced concrete money.

The summit proper opens on Monday, with delegates from almost 200 countries expected.
''', [
    ("Luiz Inácio Lula da Silva", ["Lula"], "President", "Brazil"),
    ("Ursula von der Leyen", [], "European Commission President", "European Commission"),
    ("Mauro Vieira", ["Mr Vieira"], "foreign minister", "Brazil"),
    ("Gustavo Petro", [], "President", "Colombia"),
], [
    ("Luiz Inácio Lula da Silva", P, "done their part"),
    ("Luiz Inácio Lula da Silva", P, "For thirty years we have heard promises. In Rio in '92, in Kyoto, in Paris, in Glasgow. The forest does not live on promises."),
    ("Luiz Inácio Lula da Silva", P, "If the rich countries do not pay what they owe, they should at least have the decency to stop lecturing those who are protecting the Amazon,"),
    ("Ursula von der Leyen", P, "the world's largest contributor of climate finance"),
    ("Ursula von der Leyen", P, "keep its word"),
    ("Mauro Vieira", P, "We are not asking for charity. We are offering a partnership in which everyone wins,"),
    ("Mauro Vieira", P, "Those who doubt it should come and see the forest for themselves."),
    ("The Climate Observatory", ORG, "another photo opportunity"),
], ["pay what they owe"])

# 8. Reuters, Istanbul: Çavuşoğlu, "the former foreign minister said",
#    "in an interview with broadcaster NTV", places with diacritics,
#    a sloppy quote whose closing mark is missing, Telegram.
art("reuters-istanbul-talks", '''
Turkey offers to host new round of Russia-Ukraine prisoner talks

ISTANBUL, May 14 (Reuters) - Turkey is ready to host a new round of talks between Russia and Ukraine on prisoner exchanges and Black Sea shipping, Foreign Minister Hakan Fidan said on Wednesday, as Ankara steps up its efforts to mediate.

"Istanbul has shown that dialogue is possible even in the darkest moments," Fidan told a news conference at the Dolmabahçe Palace. "We are ready to host both delegations, at any level, as soon as next week."

Former foreign minister Mevlüt Çavuşoğlu, who helped broker the 2022 Black Sea grain deal, said the conditions were "very different now".

"In 2022 both sides needed the corridor. Today only one side believes it is winning," the former foreign minister said in an interview with broadcaster NTV.

Russian Deputy Foreign Minister Mikhail Galuzin told the state news agency TASS that Moscow was "open to contacts" in Istanbul but that any talks must address "the root causes of the conflict".

Ukraine's human rights commissioner, Dmytro Lubinets, wrote on Telegram that Kyiv had handed Turkish officials a list of more than 1,200 names. "Every one of them must come home, he wrote. "We will not stop until they do."

A Turkish diplomatic source said technical teams could meet at the Çırağan Palace, which hosted earlier rounds, and that Ankara would not "take sides on substance".

Fidan is expected to discuss the proposal with U.S. and European officials at a NATO foreign ministers' meeting in Antalya later this week.
''', [
    ("Hakan Fidan", ["Fidan"], "Foreign Minister", "Turkey"),
    ("Mevlüt Çavuşoğlu", [], "Former foreign minister", "Turkey"),
    ("Mikhail Galuzin", [], "Deputy Foreign Minister", "Russia"),
    ("Dmytro Lubinets", [], "human rights commissioner", "Ukraine"),
], [
    ("Hakan Fidan", P, "Istanbul has shown that dialogue is possible even in the darkest moments,"),
    ("Hakan Fidan", P, "We are ready to host both delegations, at any level, as soon as next week."),
    ("Mevlüt Çavuşoğlu", P, "very different now"),
    ("Mevlüt Çavuşoğlu", P, "In 2022 both sides needed the corridor. Today only one side believes it is winning,"),
    ("Mikhail Galuzin", P, "open to contacts"),
    ("Mikhail Galuzin", P, "the root causes of the conflict"),
    ("Dmytro Lubinets", P, "Every one of them must come home,"),
    ("Dmytro Lubinets", P, "We will not stop until they do."),
    ("A Turkish diplomatic source", ANON, "take sides on substance"),
])

# 9. AP, Vienna: "said Monday", titles after the name, colon introduction,
#    "wrote on X", "the Kremlin said", scare-quoted term, a woman speaker
#    ("she") right after two men.
art("ap-vienna-iaea", '''
UN nuclear watchdog chief presses Iran to let inspectors back in

VIENNA (AP) — The head of the United Nations’ nuclear watchdog said Monday that Iran must restore full access for inspectors to its nuclear sites, warning that his agency could no longer vouch for the whereabouts of Tehran’s stockpile of highly enriched uranium.

Rafael Mariano Grossi, the director general of the International Atomic Energy Agency, told reporters at the agency’s headquarters that inspectors had “lost continuity of knowledge” about key parts of the program.

“This is not a bureaucratic question. Without inspectors, we cannot tell the world what is happening,” Grossi said.

Abbas Araghchi, Iran’s foreign minister, wrote on X that the agency “must not become a tool for those who bombed our facilities.” His deputy, Kazem Gharibabadi, was more measured. Speaking to state television, he said: “Iran has always cooperated within the framework of the Non-Proliferation Treaty. What we won’t accept is pressure disguised as technical concern.”

Britain, France and Germany have warned they could trigger the so-called “snapback” of U.N. sanctions lifted under the 2015 nuclear deal if Iran does not cooperate by the end of August.

In Moscow, the Kremlin said it opposed any reimposition of sanctions, calling the European threat “legally null and void.”

In Washington, State Department spokesperson Tammy Bruce said the United States backed the agency’s call. “The IAEA’s inspectors are the eyes of the world, and Iran has chosen to blindfold them,” she said. “That’s a choice with consequences.”

Grossi said he was willing to travel to Tehran “at any moment” if it would help.

Iran suspended cooperation with the agency in July, after Israeli and U.S. strikes on its enrichment sites at Natanz, Fordo and Isfahan.
''', [
    ("Rafael Mariano Grossi", ["Grossi"], "director general", "International Atomic Energy Agency"),
    ("Abbas Araghchi", [], "foreign minister", "Iran"),
    ("Kazem Gharibabadi", [], "deputy", "Iran"),
    ("Tammy Bruce", [], "State Department spokesperson", "U.S. State Department"),
], [
    ("Rafael Mariano Grossi", P, "lost continuity of knowledge"),
    ("Rafael Mariano Grossi", P, "This is not a bureaucratic question. Without inspectors, we cannot tell the world what is happening,"),
    ("Abbas Araghchi", P, "must not become a tool for those who bombed our facilities."),
    ("Kazem Gharibabadi", P, "Iran has always cooperated within the framework of the Non-Proliferation Treaty. What we won’t accept is pressure disguised as technical concern."),
    ("the Kremlin", ORG, "legally null and void."),
    ("Tammy Bruce", P, "The IAEA’s inspectors are the eyes of the world, and Iran has chosen to blindfold them,"),
    ("Tammy Bruce", P, "That’s a choice with consequences."),
    ("Rafael Mariano Grossi", P, "at any moment"),
], ["snapback"])

# 10. Reuters, Beijing/Brussels: single quotes inside double quotes,
#     "told a regular news briefing", anonymous EU official with a
#     continuation paragraph that carries no attribution, ministry
#     statement, a scare-quoted technical term.
art("reuters-beijing-ev", '''
China warns EU against 'protectionism' as electric vehicle talks stall

BEIJING/BRUSSELS (Reuters) - China on Thursday urged the European Union to drop its tariffs on Chinese-made electric vehicles, as talks on an alternative arrangement stalled and Brussels prepared new investigations into Chinese subsidies.

"The EU should not go further down the wrong road of trade protectionism," Chinese foreign ministry spokesperson Lin Jian told a regular news briefing in Beijing. "As we often say, 'there are no winners in a trade war.'"

Talks on so-called "price undertakings" - minimum import prices that Chinese carmakers would commit to in place of duties - have made little progress since March.

A senior EU official, speaking on condition of anonymity, said Brussels had tabled a detailed offer in April and was still waiting for a reply.

"We have put a reasonable offer on the table," the official said. "The ball is in their court."

"If Beijing wants to keep talking, we are here. But the clock is running, and our industry can't wait forever."

EU trade commissioner Maroš Šefčovič told the European Parliament's trade committee on Wednesday that he would travel to Beijing in the autumn. "I'm not going to negotiate in public, but I can tell you that our door remains open," Šefčovič said.

China's Ministry of Commerce said in a statement it would "take all necessary measures to defend the legitimate rights and interests of Chinese companies."

Germany, whose carmakers sell heavily in China and fear retaliation, has pushed for a compromise. Chancellor Friedrich Merz said last week that a trade war "would only have losers".

Shares in BYD, Geely and SAIC Motor were little changed in Hong Kong trading.
''', [
    ("Lin Jian", [], "foreign ministry spokesperson", "China"),
    ("Maroš Šefčovič", ["Šefčovič"], "trade commissioner", "European Union"),
    ("Friedrich Merz", [], "Chancellor", "Germany"),
], [
    ("Lin Jian", P, "The EU should not go further down the wrong road of trade protectionism,"),
    ("Lin Jian", P, "As we often say, 'there are no winners in a trade war.'"),
    ("A senior EU official", ANON, "We have put a reasonable offer on the table,"),
    ("A senior EU official", ANON, "The ball is in their court."),
    ("A senior EU official", ANON, "If Beijing wants to keep talking, we are here. But the clock is running, and our industry can't wait forever."),
    ("Maroš Šefčovič", P, "I'm not going to negotiate in public, but I can tell you that our door remains open,"),
    ("China's Ministry of Commerce", ORG, "take all necessary measures to defend the legitimate rights and interests of Chinese companies."),
    ("Friedrich Merz", P, "would only have losers"),
], ["protectionism", "price undertakings"])

# 11. Japanese MOFA readout: surname in capitals first ("IWAYA Takeshi"),
#     "Minister Iwaya stated", "Secretary Lazaro", she/he, a joint
#     statement quoted as a document, Jr. suffix with an initial.
art("mofa-japan-philippines", '''
Japan-Philippines Foreign Ministers' Meeting

On September 18, commencing at 5:30 p.m. for approximately 60 minutes, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a Foreign Ministers' Meeting with H.E. Ms. Maria Theresa Lazaro, Secretary of Foreign Affairs of the Republic of the Philippines, who is visiting Japan. The overview of the meeting is as follows.

1. At the outset, Minister Iwaya welcomed Secretary Lazaro on her first visit to Japan since assuming office, and stated, "Japan and the Philippines are strategic partners bound by shared values. With the entry into force of the Reciprocal Access Agreement, our security cooperation has entered a new stage."

2. In response, Secretary Lazaro expressed her appreciation for Japan's support, including the provision of coastal radars under Official Security Assistance (OSA). She stated that the Philippines regarded Japan as "a partner we can always count on" and that she looked forward to the visit of Prime Minister ISHIBA Shigeru to Manila later this year.

3. The two Ministers exchanged views on the regional situation, including the South China Sea, the East China Sea and North Korea. Minister Iwaya stated that Japan "strongly opposes any unilateral attempts to change the status quo by force or coercion", and the two Ministers confirmed that they would continue to work closely with the United States.

4. The two Ministers issued a Joint Statement, which states that both countries "reaffirm the importance of the 2016 Arbitral Award as a milestone and a useful basis for peacefully resolving disputes".

5. Prior to the meeting, Secretary Lazaro paid a courtesy call on Prime Minister Ishiba, and conveyed the greetings of President Ferdinand R. Marcos Jr.
''', [
    ("IWAYA Takeshi", ["Iwaya"], "Minister for Foreign Affairs", "Japan"),
    ("Maria Theresa Lazaro", ["Lazaro"], "Secretary of Foreign Affairs", "Philippines"),
    ("ISHIBA Shigeru", ["Ishiba"], "Prime Minister", "Japan"),
    ("Ferdinand R. Marcos Jr.", [], "President", "Philippines"),
], [
    ("IWAYA Takeshi", P, "Japan and the Philippines are strategic partners bound by shared values. With the entry into force of the Reciprocal Access Agreement, our security cooperation has entered a new stage."),
    ("Maria Theresa Lazaro", P, "a partner we can always count on"),
    ("IWAYA Takeshi", P, "strongly opposes any unilateral attempts to change the status quo by force or coercion"),
    ("a Joint Statement", DOC, "reaffirm the importance of the 2016 Arbitral Award as a milestone and a useful basis for peacefully resolving disputes"),
])

# 12. AFP, United Nations: the text of a resolution, "said X" after the
#     quote with a title after the name, "stressed:", "posted on X",
#     anonymous diplomat who "told AFP", a name in quotes (ignore).
art("afp-un-haiti", '''
UN backs tougher anti-gang force for Haiti

United Nations (United States) (AFP) - The UN Security Council on Tuesday voted to turn the Kenyan-led security mission in Haiti into a larger "Gang Suppression Force" with the power to arrest gang members, as violence engulfs most of the capital Port-au-Prince.

The resolution, drafted by the United States and Panama, passed with 12 votes in favor, with China, Russia and Pakistan abstaining.

The text authorizes the force to "conduct intelligence-led, targeted operations to neutralize, isolate and deter gangs" for an initial period of 12 months, and asks Secretary-General Antonio Guterres to set up a UN support office in the country.

"Haiti's people have waited long enough," said Dorothy Shea, the acting US ambassador to the UN. "Today this council chose action over another year of words."

Russia's deputy ambassador Dmitry Polyanskiy told the council Moscow had abstained because the text had been "hastily drafted" and lacked "clear safeguards" for civilians.

Haiti's ambassador, Ericq Pierre, welcomed the vote but stressed: "A force without a political horizon will only buy time. Haitians need elections, not only soldiers."

Kenyan President William Ruto, whose country has led the mission since 2024, posted on X that Kenya "has done its part" and urged other nations to "step up".

The new force is expected to reach 5,500 personnel, but only a handful of countries have so far pledged troops, and a trust fund set up to pay for the mission remains largely empty.

A diplomat on the council, who requested anonymity, told AFP the funding question "has not been solved, only postponed".
''', [
    ("Antonio Guterres", [], "Secretary-General", "United Nations"),
    ("Dorothy Shea", [], "acting US ambassador to the UN", "United States"),
    ("Dmitry Polyanskiy", [], "deputy ambassador", "Russia"),
    ("Ericq Pierre", [], "ambassador", "Haiti"),
    ("William Ruto", [], "President", "Kenya"),
], [
    ("The text", DOC, "conduct intelligence-led, targeted operations to neutralize, isolate and deter gangs"),
    ("Dorothy Shea", P, "Haiti's people have waited long enough,"),
    ("Dorothy Shea", P, "Today this council chose action over another year of words."),
    ("Dmitry Polyanskiy", P, "hastily drafted"),
    ("Dmitry Polyanskiy", P, "clear safeguards"),
    ("Ericq Pierre", P, "A force without a political horizon will only buy time. Haitians need elections, not only soldiers."),
    ("William Ruto", P, "has done its part"),
    ("William Ruto", P, "step up"),
    ("A diplomat on the council", ANON, "has not been solved, only postponed"),
], ["Gang Suppression Force"])

# 13. Guardian-like, Addis Ababa: photo caption, "according to X" with a
#     partial quote, appositive chair, split quote with an en dash inside,
#     places that look like names (Sierra Leone, Chad), NGO statement.
art("guardian-addis-au-summit", '''
African leaders call for end to Sudan war at Addis Ababa summit

Mahmoud Ali Youssouf, chair of the African Union Commission, addresses the opening session in Addis Ababa on Saturday. Photograph: AFP/Getty Images

African leaders meeting in Addis Ababa have called for an immediate ceasefire in Sudan and pledged to fund more of the continent's peacekeeping themselves, as aid cuts by western donors bite.

Opening the two-day summit, Mahmoud Ali Youssouf, the chair of the African Union Commission, said the continent could not "outsource" its own peace. "We have spent too long waiting for solutions from elsewhere," he said. "Africa's problems demand African solutions – and African money."

Sudan's army "has accepted in principle" a humanitarian truce proposed by the AU and the regional bloc IGAD, according to Bankole Adeoye, the AU commissioner for political affairs, peace and security. The Rapid Support Forces have yet to respond.

Angola's president, João Lourenço, who handed over the rotating AU chairmanship on Saturday, urged his fellow leaders to stop treating Sudan as "someone else's war".

"Our generation will be judged on whether we silenced the guns or merely talked about silencing them," Lourenço said.

Sierra Leone's president, Julius Maada Bio, said his country would use its seat on the UN security council to push for a permanent African presence. Chad and Cape Verde backed the call.

Human Rights Watch said in a statement that the summit had "once again failed to name those responsible for atrocities in Darfur".

Youssouf told reporters after the closed session that member states had agreed to double their contributions to the AU peace fund by 2030. "It is not enough, but it is a start," he noted.
''', [
    ("Mahmoud Ali Youssouf", ["Youssouf"], "chair of the African Union Commission", "African Union"),
    ("Bankole Adeoye", [], "commissioner for political affairs, peace and security", "African Union"),
    ("João Lourenço", ["Lourenço"], "president", "Angola"),
    ("Julius Maada Bio", [], "president", "Sierra Leone"),
], [
    ("Mahmoud Ali Youssouf", P, "outsource"),
    ("Mahmoud Ali Youssouf", P, "We have spent too long waiting for solutions from elsewhere,"),
    ("Mahmoud Ali Youssouf", P, "Africa's problems demand African solutions – and African money."),
    ("Bankole Adeoye", P, "has accepted in principle"),
    ("João Lourenço", P, "someone else's war"),
    ("João Lourenço", P, "Our generation will be judged on whether we silenced the guns or merely talked about silencing them,"),
    ("Human Rights Watch", ORG, "once again failed to name those responsible for atrocities in Darfur"),
    ("Mahmoud Ali Youssouf", P, "It is not enough, but it is a start,"),
])

# 14. AP, Georgetown: curly single quotes inside curly double quotes,
#     "posted on Instagram", "told The Associated Press", a person named
#     Ali, places that look like names (Georgetown, The Hague), CARICOM.
art("ap-georgetown-essequibo", '''
Guyana asks UN court to act as Venezuela pushes Essequibo vote

GEORGETOWN, Guyana (AP) — Guyana’s government said Friday it will ask the International Court of Justice to order Venezuela to halt plans to elect a governor for the disputed Essequibo region, a vast oil-rich territory that makes up two-thirds of Guyana.

President Irfaan Ali called the plan “a direct threat to our sovereignty” in a televised address Thursday night. “Not one blade of grass of the Essequibo will be ceded,” Ali said. “Not today, not tomorrow, not ever.”

Venezuela’s foreign minister, Yván Gil, dismissed the complaint. In a statement posted on Instagram, Gil said Guyana was acting “as a puppet of ExxonMobil” and insisted that “the Essequibo is Venezuelan and always will be.”

Hugh Hilton Todd, Guyana’s foreign minister, told The Associated Press that Caracas had ignored two provisional orders from the court. “They say ‘we don’t recognize the court,’ but they keep sending lawyers to The Hague,” Todd said.

Venezuelan President Nicolás Maduro has said the vote, scheduled for May, will go ahead regardless of any ruling.

The Caribbean Community, or CARICOM, said in a statement it “stands firmly with Guyana” and called on Caracas to “respect the rule of international law.”

U.S. Secretary of State Marco Rubio spoke with Ali by phone on Friday, the State Department said. Rubio has previously warned that any Venezuelan attack on Guyana would be “a very bad day” for Maduro’s government.

Guyana, a country of about 800,000 people, has become one of the world’s fastest-growing economies since ExxonMobil began pumping oil off its coast in 2019.
''', [
    ("Irfaan Ali", ["Ali"], "President", "Guyana"),
    ("Yván Gil", ["Gil"], "foreign minister", "Venezuela"),
    ("Hugh Hilton Todd", ["Todd"], "foreign minister", "Guyana"),
    ("Nicolás Maduro", ["Maduro"], "President", "Venezuela"),
    ("Marco Rubio", ["Rubio"], "Secretary of State", "United States"),
], [
    ("Irfaan Ali", P, "a direct threat to our sovereignty"),
    ("Irfaan Ali", P, "Not one blade of grass of the Essequibo will be ceded,"),
    ("Irfaan Ali", P, "Not today, not tomorrow, not ever."),
    ("Yván Gil", P, "as a puppet of ExxonMobil"),
    ("Yván Gil", P, "the Essequibo is Venezuelan and always will be."),
    ("Hugh Hilton Todd", P, "They say ‘we don’t recognize the court,’ but they keep sending lawyers to The Hague,"),
    ("The Caribbean Community", ORG, "stands firmly with Guyana"),
    ("The Caribbean Community", ORG, "respect the rule of international law."),
    ("Marco Rubio", P, "a very bad day"),
])

# 15. Reuters, Brussels: headline in double quotes, Sørensen/Vučić/Lajčák
#     diacritics, "the envoy added", "told the state broadcaster RTS",
#     "wrote on Facebook", role noun for a former minister, NATO official.
art("reuters-brussels-kosovo", '''
EU envoy says Kosovo, Serbia must "get back to the table"

BRUSSELS, Oct 7 (Reuters) - Serbia and Kosovo must resume their stalled EU-mediated dialogue and implement what they agreed two years ago, the European Union's special representative for the Belgrade-Pristina dialogue, Peter Sørensen, said on Monday.

"Both sides signed up to commitments in Ohrid, and those commitments have not expired," Sørensen told reporters after separate meetings with the two chief negotiators. "Nobody gets to pick only the parts they like."

"We will not accept a frozen conflict in the heart of Europe," the envoy added.

Serbian President Aleksandar Vučić said Belgrade was ready to talk but would never recognise Kosovo's independence. "Serbia is ready for dialogue, but not for capitulation," Vučić told the state broadcaster RTS on Sunday.

Kosovo Prime Minister Albin Kurti wrote on Facebook that Serbia had to "stop hiding behind procedural excuses" and move ahead with an association of Serb-majority municipalities only once Belgrade "recognises reality".

Miroslav Lajčák, a former EU envoy for the dialogue, said the window opened by the 2023 agreement was closing fast.

"The longer this drags on, the more the extremists on both sides set the agenda," the former Slovak foreign minister said in an interview with the daily Denník N. "I'm afraid we're losing the ground we gained."

A NATO official, speaking on condition of anonymity, said KFOR, the alliance's peacekeeping force in Kosovo, had raised its alert level after a shooting near Zvečan last week, but saw "no immediate threat of escalation".

The EU froze some funding to Kosovo in 2023 over what it called Pristina's failure to ease tensions in the north.
''', [
    ("Peter Sørensen", ["Sørensen"], "special representative for the Belgrade-Pristina dialogue", "European Union"),
    ("Aleksandar Vučić", ["Vučić"], "President", "Serbia"),
    ("Albin Kurti", [], "Prime Minister", "Kosovo"),
    ("Miroslav Lajčák", [], "former EU envoy for the dialogue", "European Union"),
], [
    ("Peter Sørensen", P, "Both sides signed up to commitments in Ohrid, and those commitments have not expired,"),
    ("Peter Sørensen", P, "Nobody gets to pick only the parts they like."),
    ("Peter Sørensen", P, "We will not accept a frozen conflict in the heart of Europe,"),
    ("Aleksandar Vučić", P, "Serbia is ready for dialogue, but not for capitulation,"),
    ("Albin Kurti", P, "stop hiding behind procedural excuses"),
    ("Albin Kurti", P, "recognises reality"),
    ("Miroslav Lajčák", P, "The longer this drags on, the more the extremists on both sides set the agenda,"),
    ("Miroslav Lajčák", P, "I'm afraid we're losing the ground we gained."),
    ("A NATO official", ANON, "no immediate threat of escalation"),
], ["get back to the table"])

# 16. South Caucasus: "tweeted", "posted on X:", "wrote on Telegram", the
#     Kremlin, a section sub-headline in capitals, a named route in quotes
#     (ignore), ’90s, Trump mentioned but not quoted, she/he.
art("caucasus-peace-text", '''
Armenia and Azerbaijan initial peace text, Russia cool on U.S. role

Armenia and Azerbaijan have initialled the text of a peace agreement meant to end nearly four decades of conflict, with their foreign ministers hailing a breakthrough after talks hosted by U.S. President Donald Trump at the White House.

Armenian Foreign Minister Ararat Mirzoyan tweeted that the document was "a milestone, not a finish line", adding that both parliaments would still have to ratify it.

Azerbaijan's Foreign Minister Jeyhun Bayramov posted on X: "Today we turned a page. A lasting peace is now within reach for our peoples, and for the whole region."

Armenian Prime Minister Nikol Pashinyan told reporters in Yerevan the agreement "does not solve every problem, but removes the biggest one". Azerbaijani President Ilham Aliyev, speaking in Baku, said the deal showed that "peace is made by the region, not imposed on it".

The agreement envisages a transit corridor through southern Armenia, to be branded the "Trump Route for International Peace and Prosperity", linking Azerbaijan with its Nakhchivan exclave.

MOSCOW SIDELINED

The Kremlin said it welcomed "any steps that contribute to stability" in the South Caucasus, but warned against "outside players" who it said had no business in the region.

Russian foreign ministry spokeswoman Maria Zakharova wrote on Telegram that Moscow had "laid the foundations" for peace in its 2020 ceasefire deal. She said Armenia would "regret" turning away from Russia.

Mirzoyan brushed off the criticism. "Armenia is not turning away from anyone. We are turning towards peace," he told journalists in Yerevan on Monday, a day after Zakharova's post.

The two countries fought a war over Nagorno-Karabakh in the early ’90s, and again in 2020. Azerbaijan retook the region in 2023, prompting the exodus of more than 100,000 ethnic Armenians.
''', [
    ("Donald Trump", [], "President", "United States"),
    ("Ararat Mirzoyan", ["Mirzoyan"], "Foreign Minister", "Armenia"),
    ("Jeyhun Bayramov", [], "Foreign Minister", "Azerbaijan"),
    ("Nikol Pashinyan", [], "Prime Minister", "Armenia"),
    ("Ilham Aliyev", [], "President", "Azerbaijan"),
    ("Maria Zakharova", ["Zakharova"], "foreign ministry spokeswoman", "Russia"),
], [
    ("Ararat Mirzoyan", P, "a milestone, not a finish line"),
    ("Jeyhun Bayramov", P, "Today we turned a page. A lasting peace is now within reach for our peoples, and for the whole region."),
    ("Nikol Pashinyan", P, "does not solve every problem, but removes the biggest one"),
    ("Ilham Aliyev", P, "peace is made by the region, not imposed on it"),
    ("The Kremlin", ORG, "any steps that contribute to stability"),
    ("The Kremlin", ORG, "outside players"),
    ("Maria Zakharova", P, "laid the foundations"),
    ("Maria Zakharova", P, "regret"),
    ("Ararat Mirzoyan", P, "Armenia is not turning away from anyone. We are turning towards peace,"),
], ["Trump Route for International Peace and Prosperity"])


# ---------------------------------------------------------------- checks

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.lower())


def check(arts):
    errs = []
    ids = set()
    for a in arts:
        i, t = a["id"], a["text"]
        if i in ids:
            errs.append("%s: duplicate id" % i)
        ids.add(i)
        n = len(re.findall(r"\w+", t))
        if not 200 <= n <= 400:
            errs.append("%s: %d words" % (i, n))
        names = {p["name"] for p in a["people"]}
        for p in a["people"]:
            for form in [p["name"], *p["aliases"]]:
                if form not in t:
                    errs.append("%s: person form %r not in text" % (i, form))
        for q in a["quotes"]:
            if q["kind"] not in ("person", "anonymous", "organization", "document"):
                errs.append("%s: bad kind %r" % (i, q["kind"]))
            if q["text"] not in t:
                errs.append("%s: quote not verbatim: %r" % (i, q["text"]))
            elif fold(t).count(fold(q["text"]).strip(" \"'«»")) != 1:
                errs.append("%s: quote not unique (scorer takes the first): %r" % (i, q["text"]))
            if q["kind"] == "person" and q["speaker"] not in names:
                errs.append("%s: speaker %r is not a listed person" % (i, q["speaker"]))
            if q["kind"] != "person" and q["speaker"].lower() not in t.lower():
                errs.append("%s: descriptor %r not in text" % (i, q["speaker"]))
        for s in a["ignore"]:
            if s not in t:
                errs.append("%s: ignore not verbatim: %r" % (i, s))
        # an ignore must not be the first occurrence of a gold quote's text
        ft = fold(t)
        for s in a["ignore"]:
            si = ft.find(fold(s))
            for q in a["quotes"]:
                qi = ft.find(fold(q["text"]).strip(" \"'«»"))
                if qi >= 0 and si >= 0 and qi < si + len(s) and si < qi + len(q["text"]):
                    errs.append("%s: ignore %r overlaps quote %r" % (i, s, q["text"][:40]))
    return errs


def write(arts, out):
    """Checks arts and, unless --check is given, writes them to out as JSONL."""
    errs = check(arts)
    for e in errs:
        print("ERROR", e)
    if errs:
        return 1
    if "--check" not in sys.argv:
        with open(out, "w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
    nq = sum(len(a["quotes"]) for a in arts)
    npp = sum(len(a["people"]) for a in arts)
    print("%d articles, %d quotes, %d people, %d ignores: ok" % (len(arts), nq, npp, sum(len(a["ignore"]) for a in arts)))
    return 0


def main():
    return write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
