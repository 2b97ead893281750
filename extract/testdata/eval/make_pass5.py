#!/usr/bin/env python3
"""Generate pass5.jsonl: annotated articles imitating outlet styles not yet
covered by dev.jsonl or the earlier passes: TASS/RIA English, Xinhua
briefings, WAM readouts with honorifics, PTI/The Hindu, Ukrinform/Kyiv
Independent, and a State Department briefing with paraphrased questions.
They start like excerpts (no headline, or a headline without a blank line)
and use reporting verbs such as affirmed, stressed, underlined, reiterated,
pointed out, emphasized, asserted and clarified.

Annotation and checks follow make_fixtures.py; a foreign ministry's
spokesperson is affiliated with the country, and "his Polish counterpart X"
has the role "counterpart", as in the earlier sets.

Run:  python3 make_pass5.py          (writes pass5.jsonl and checks it)
      python3 make_pass5.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "pass5.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('p5-', 'attache-pass5', id, text, people, quotes, ignore))


# 1. TASS English: "the diplomat stressed", the spokeswoman's title after
#    the ministry's possessive, no headline.
art("tass-zakharova", '''
MOSCOW, March 4. /TASS/. Moscow regards the new package of EU sanctions as an unfriendly step and will respond to it, the Russian Foreign Ministry's spokeswoman Maria Zakharova said at a briefing on Wednesday.

"Every new restriction only hits the Europeans themselves. We have said this many times, and the facts speak for themselves," the diplomat stressed.

According to Zakharova, the European Union has lost its independence in foreign policy. "Brussels is acting under dictation from across the ocean," she pointed out.

The spokeswoman also commented on the statement by Estonian Foreign Minister Margus Tsahkna, who had called for the seizure of frozen Russian assets. "This is theft, pure and simple, and it will not go unanswered," Zakharova emphasized.

Earlier, Deputy Foreign Minister Alexander Grushko told TASS that Russia had not received any proposals from the EU on resuming dialogue. He underlined that Moscow remained open to contacts "on an equal footing".

The European Union adopted its sixteenth package of sanctions against Russia in February, targeting the energy sector, banks, aluminium imports and dozens of vessels of the so-called shadow fleet. Moscow has repeatedly said that the restrictions are illegitimate and that the Russian economy has adapted to them.
''', [
    ("Maria Zakharova", ["Zakharova"], "Foreign Ministry spokeswoman", "Russia"),
    ("Margus Tsahkna", [], "Foreign Minister", "Estonia"),
    ("Alexander Grushko", [], "Deputy Foreign Minister", "Russia"),
], [
    ("Maria Zakharova", P, "Every new restriction only hits the Europeans themselves. We have said this many times, and the facts speak for themselves,"),
    ("Maria Zakharova", P, "Brussels is acting under dictation from across the ocean,"),
    ("Maria Zakharova", P, "This is theft, pure and simple, and it will not go unanswered,"),
    ("Alexander Grushko", P, "on an equal footing"),
])

# 2. Xinhua: quote first, then "said Chinese Foreign Ministry spokesperson
#    Lin Jian at a regular press briefing on Monday"; "Lin added".
art("xinhua-lin-jian", '''
BEIJING, June 9 (Xinhua) -- "China firmly opposes any attempt to interfere in China's internal affairs under the pretext of the Taiwan question," said Chinese Foreign Ministry spokesperson Lin Jian at a regular press briefing on Monday.

Lin made the remarks when asked to comment on a planned visit to Taipei by a delegation of U.S. lawmakers led by Senator Roger Wicker.

"The one-China principle is the political foundation of China-U.S. relations. We urge the U.S. side to stop official interaction with Taiwan," Lin added.

He reiterated that the Taiwan question is at the very core of China's core interests and the first red line that must not be crossed in China-U.S. relations.

In response to another question, Lin said China welcomed the outcome of the talks between the two sides' economic and trade teams in London. "Dialogue and cooperation are the only right choice," he asserted.

Wicker, who chairs the Senate Armed Services Committee, told reporters in Washington last week that the trip was meant to show "unwavering support" for Taiwan. The United States does not have formal diplomatic relations with Taipei but is bound by law to provide the island with the means to defend itself, which Beijing has long opposed.
''', [
    ("Lin Jian", ["Lin"], "Foreign Ministry spokesperson", "China"),
    ("Roger Wicker", ["Wicker"], "Senator", "United States"),
], [
    ("Lin Jian", P, "China firmly opposes any attempt to interfere in China's internal affairs under the pretext of the Taiwan question,"),
    ("Lin Jian", P, "The one-China principle is the political foundation of China-U.S. relations. We urge the U.S. side to stop official interaction with Taiwan,"),
    ("Lin Jian", P, "Dialogue and cooperation are the only right choice,"),
    ("Roger Wicker", P, "unwavering support"),
])

# 3. WAM readout: honorifics (His Highness Sheikh, H.E.), "affirmed",
#    headline without a blank line.
art("wam-abdullah-bin-zayed", '''
Abdullah bin Zayed receives Egyptian Foreign Minister
ABU DHABI, 12th May, 2025 (WAM) -- His Highness Sheikh Abdullah bin Zayed Al Nahyan, Deputy Prime Minister and Minister of Foreign Affairs, received H.E. Dr. Badr Abdelatty, Minister of Foreign Affairs and Emigration of Egypt, in Abu Dhabi today.

During the meeting, the two sides reviewed the fraternal relations between the UAE and Egypt and ways to enhance their cooperation in various fields, as well as regional developments, foremost among them the situation in Gaza.

His Highness affirmed the UAE's keenness to strengthen its strategic partnership with Egypt. "The UAE and Egypt share a common vision for the stability and prosperity of the region," Sheikh Abdullah said.

For his part, Abdelatty highlighted the importance of continued coordination between the two countries. "Egypt values the UAE's steadfast positions in support of its security," he stressed, adding that both countries rejected "any attempt to displace the Palestinian people".

The meeting was attended by H.E. Khalifa Shaheen Al Marar, Minister of State, and H.E. Maryam Al Kaabi, UAE Ambassador to Egypt.

The two ministers also discussed efforts to reach a ceasefire in Gaza, to ensure the flow of humanitarian aid without obstacles, and to revive the path towards a two-state solution that guarantees security and stability for all peoples of the region.
''', [
    ("Abdullah bin Zayed Al Nahyan", ["Sheikh Abdullah"], "Deputy Prime Minister and Minister of Foreign Affairs", "United Arab Emirates"),
    ("Badr Abdelatty", ["Abdelatty"], "Minister of Foreign Affairs and Emigration", "Egypt"),
    ("Khalifa Shaheen Al Marar", [], "Minister of State", "United Arab Emirates"),
    ("Maryam Al Kaabi", [], "Ambassador to Egypt", "United Arab Emirates"),
], [
    ("Abdullah bin Zayed Al Nahyan", P, "The UAE and Egypt share a common vision for the stability and prosperity of the region,"),
    ("Badr Abdelatty", P, "Egypt values the UAE's steadfast positions in support of its security,"),
    ("Badr Abdelatty", P, "any attempt to displace the Palestinian people"),
])

# 4. PTI / The Hindu: "MEA spokesperson Randhir Jaiswal said", "External
#    Affairs Minister S. Jaishankar", "clarified".
art("pti-jaiswal", '''
New Delhi, Jan 17 (PTI) India on Friday said it has taken note of reports about the construction of a new hydropower project by China on the Yarlung Tsangpo river and will continue to monitor developments.

"We have consistently conveyed our views and concerns to the Chinese side over mega projects on rivers flowing through their territory," MEA spokesperson Randhir Jaiswal said at his weekly media briefing.

Jaiswal clarified that India had not been consulted. "The interests of downstream states must not be harmed by activities in upstream areas," he said.

Asked about the upcoming visit of External Affairs Minister S. Jaishankar to Washington, the spokesperson said the dates were being worked out.

Jaishankar, speaking at an event in Mumbai earlier this week, had emphasized that India's relationship with the United States was "in a very good place". He also pointed out that trade talks with the European Union were at an advanced stage.

China's foreign ministry has said the dam, estimated to cost about 137 billion dollars, will not have a negative impact on lower reaches. The project, approved by Beijing in December, is expected to produce more than three times the power of the Three Gorges dam and has raised concern in both India and Bangladesh about water flows.
''', [
    ("Randhir Jaiswal", ["Jaiswal"], "MEA spokesperson", "India"),
    ("S. Jaishankar", ["Jaishankar"], "External Affairs Minister", "India"),
], [
    ("Randhir Jaiswal", P, "We have consistently conveyed our views and concerns to the Chinese side over mega projects on rivers flowing through their territory,"),
    ("Randhir Jaiswal", P, "The interests of downstream states must not be harmed by activities in upstream areas,"),
    ("S. Jaishankar", P, "in a very good place"),
])

# 5. Ukrinform / Kyiv Independent: "wrote on X", "according to the
#    ministry's press service", foreign minister of another country.
art("ukrinform-sybiha", '''
Ukraine and Poland agree on joint steps to protect Black Sea shipping
Ukrainian Foreign Minister Andrii Sybiha and his Polish counterpart Radosław Sikorski discussed security guarantees and the protection of shipping in the Black Sea during a meeting in Warsaw on Thursday, according to the ministry's press service, Ukrinform reports.

"Russia must understand that terror against our ports will only strengthen our coalition," Sybiha wrote on X after the talks.

The minister underlined that Ukraine counted on Poland's support in opening the first cluster of negotiations on EU accession. "Poland has been and remains our strategic ally," he said.

Sikorski, for his part, asserted that Warsaw would not allow the question of historical exhumations to block Ukraine's path to the EU. "We have found a good formula, and the work is proceeding," the Polish minister told journalists.

The Kremlin spokesman, Dmitry Peskov, earlier dismissed the talks as "an attempt to drag Europe into the war".

Poland has been one of Ukraine's strongest backers since the start of Russia's full-scale invasion in February 2022, serving as the main hub for Western military aid and hosting over a million Ukrainian refugees, although disputes over grain imports and wartime history have periodically strained ties.
''', [
    ("Andrii Sybiha", ["Sybiha"], "Foreign Minister", "Ukraine"),
    ("Radosław Sikorski", ["Sikorski"], "counterpart", "Poland"),
    ("Dmitry Peskov", [], "Kremlin spokesman", "Russia"),
], [
    ("Andrii Sybiha", P, "Russia must understand that terror against our ports will only strengthen our coalition,"),
    ("Andrii Sybiha", P, "Poland has been and remains our strategic ally,"),
    ("Radosław Sikorski", P, "We have found a good formula, and the work is proceeding,"),
    ("Dmitry Peskov", P, "an attempt to drag Europe into the war"),
])

# 6. State Department briefing excerpt: reporter questions paraphrased,
#    "the spokesperson said", "Asked whether".
art("state-briefing-bruce", '''
State Department spokesperson Tammy Bruce on Tuesday declined to say whether Secretary of State Marco Rubio would meet his Russian counterpart Sergey Lavrov at the G20 meeting in Johannesburg.

Asked by a reporter whether such a meeting was being planned, Bruce said: "I'm not going to get ahead of the Secretary's schedule. When we have something to announce, you'll hear it from us."

Another reporter pressed her on reports that Washington had paused intelligence sharing with Kyiv. "There's been no change in our commitment to achieving a durable peace," the spokesperson said, adding that the administration was "looking at every tool".

Pressed on whether the pause had been coordinated with European allies, Bruce reiterated that she would not discuss intelligence matters from the podium.

A reporter also asked about comments by Ukrainian President Volodymyr Zelensky, who said on Monday that Ukraine was "ready to work under the strong leadership" of President Donald Trump. Bruce called the remarks "a welcome development".

Lavrov said last week that Moscow was ready for talks with Washington but would not accept conditions set in advance. The briefing, the department's third this month, lasted just over forty minutes and also covered the situation in Sudan, tariffs on Canada and the humanitarian situation in Gaza.
''', [
    ("Tammy Bruce", ["Bruce"], "spokesperson", "U.S. State Department"),
    ("Marco Rubio", [], "Secretary of State", "United States"),
    ("Sergey Lavrov", ["Lavrov"], "counterpart", "Russia"),
    ("Volodymyr Zelensky", [], "President", "Ukraine"),
    ("Donald Trump", [], "President", "United States"),
], [
    ("Tammy Bruce", P, "I'm not going to get ahead of the Secretary's schedule. When we have something to announce, you'll hear it from us."),
    ("Tammy Bruce", P, "There's been no change in our commitment to achieving a durable peace,"),
    ("Tammy Bruce", P, "looking at every tool"),
    ("Volodymyr Zelensky", P, "ready to work under the strong leadership"),
    ("Tammy Bruce", P, "a welcome development"),
])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
