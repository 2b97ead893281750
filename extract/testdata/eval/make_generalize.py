#!/usr/bin/env python3
"""Generate generalize.jsonl: new annotated articles that the rules were not
tuned on, written to probe how the attribution rules generalise.

Each article exercises error classes seen on unseen news: place, time and
platform phrases next to a reporting verb, relative clauses and participles
after the main clause, a colon ending a paragraph that introduces quote
paragraphs, anonymous speakers mentioned again ("the official"), quotes
that are the subject of a sentence, partial quotes with an object
complement ("described the council as"), roles before names, he/she with a
man and a woman in play, UN press releases, briefing transcripts, readouts
and live blogs. Annotation follows make_fixtures.py (same checks).

Run:  python3 make_generalize.py          (writes generalize.jsonl and checks it)
      python3 make_generalize.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "generalize.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('gen-', 'attache-generalize', id, text, people, quotes, ignore))


# 1. Reuters: place+time phrase before "according to", a relative clause
#    ("which called"), a participle after the main clause on a platform
#    ("welcomed … on X, writing that Ankara …"), counterpart before a name,
#    anonymous diplomat mentioned again.
art("reuters-aegean-talks", '''
Greece and Turkey to resume Aegean talks in Istanbul

ATHENS (Reuters) - Greece and Turkey will resume exploratory talks on their long-running maritime dispute next month after a pause of almost two years, both governments said on Thursday.

The first round will be held in Istanbul in April, according to a statement from the Greek foreign ministry, which called the meeting "a constructive opening after a long silence".

Turkish Foreign Minister Hakan Fidan welcomed the decision on X, writing that Ankara "remains committed to dialogue without preconditions" and that the Aegean should become "a sea of cooperation, not confrontation".

Fidan spoke by telephone on Wednesday with his Greek counterpart Giorgos Gerapetritis, who described the call as "frank but friendly". Gerapetritis told the Greek parliament that Athens would raise only the delimitation of the continental shelf and exclusive economic zones.

"We are not going to Istanbul to discuss our sovereignty. That is not on the table and never will be," he said.

Opposition leader Nikos Androulakis rejected the plan as "a negotiation on Turkish terms" and demanded a debate before the talks begin.

A Greek diplomat, who spoke on condition of anonymity, said officials expected no breakthrough in the first round. "Nobody should expect a map to come out of Istanbul in April," the diplomat said. "The aim is to agree on how to keep talking."

The two NATO allies came close to armed conflict in 2020, when a Turkish survey ship escorted by warships sailed into waters claimed by Greece. Relations have improved since the earthquakes of 2023, when Greek rescue teams were among the first to reach southern Turkey.

The European Commission said in a statement that it "warmly welcomes" the resumption of the talks.
''', [
    ("Hakan Fidan", ["Fidan"], "Foreign Minister", "Turkey"),
    ("Giorgos Gerapetritis", ["Gerapetritis"], "counterpart", "Greece"),
    ("Nikos Androulakis", [], "Opposition leader", ""),
], [
    ("the Greek foreign ministry", ORG, "a constructive opening after a long silence"),
    ("Hakan Fidan", P, "remains committed to dialogue without preconditions"),
    ("Hakan Fidan", P, "a sea of cooperation, not confrontation"),
    ("Giorgos Gerapetritis", P, "frank but friendly"),
    ("Giorgos Gerapetritis", P, "We are not going to Istanbul to discuss our sovereignty. That is not on the table and never will be,"),
    ("Nikos Androulakis", P, "a negotiation on Turkish terms"),
    ("A Greek diplomat", ANON, "Nobody should expect a map to come out of Istanbul in April,"),
    ("A Greek diplomat", ANON, "The aim is to agree on how to keep talking."),
    ("The European Commission", ORG, "warmly welcomes"),
])

# 2. AP: a colon ending a paragraph introduces three quote paragraphs (the
#    first two run on, the last closes), then closed quote paragraphs after
#    a second colon; object complements ("dismissed the remarks as").
art("ap-lula-council", '''
Lula calls Security Council "paralysed" and demands reform

BRASILIA, Brazil (AP) — Brazilian President Luiz Inácio Lula da Silva on Monday renewed his call for an overhaul of the United Nations Security Council, saying it had failed to prevent or end the wars in Ukraine and Gaza.

In a speech to foreign ambassadors at the Itamaraty palace, Lula said:

"The Council was created to keep the peace, but today it cannot even agree on a ceasefire. Its permanent members are the ones who start the wars.

"Brazil does not ask for privileges. We ask that Africa, Latin America and Asia have a voice equal to their weight in the world.

"A council that represents the world of 1945 cannot solve the problems of this century."

Foreign Minister Mauro Vieira, speaking to reporters after the speech, went further:

"We have a concrete proposal on the table together with India, Germany and Japan."

"What is missing is the political will of the five permanent members."

The U.S. Embassy dismissed the remarks as "unhelpful rhetoric" in a short statement, adding that Washington supported "a modest expansion" of the council.

Russia's ambassador in Brasilia, Alexei Labetsky, described the proposal as "worth studying" but said Moscow would not give up its veto.

Brazil has sought a permanent seat for decades. Diplomats say the chances of reform remain slim because any change to the U.N. Charter needs the approval of all five veto-holding powers.

A European ambassador who attended the speech said the mood in the room was polite. "Everyone agrees with the diagnosis. Nobody agrees on the cure," the ambassador said.

Lula will travel to New York in September to open the General Assembly debate, as Brazilian presidents traditionally do.
''', [
    ("Luiz Inácio Lula da Silva", ["Lula"], "President", "Brazil"),
    ("Mauro Vieira", [], "Foreign Minister", "Brazil"),
    ("Alexei Labetsky", [], "ambassador", "Russia"),
], [
    ("Luiz Inácio Lula da Silva", P, "The Council was created to keep the peace, but today it cannot even agree on a ceasefire. Its permanent members are the ones who start the wars."),
    ("Luiz Inácio Lula da Silva", P, "Brazil does not ask for privileges. We ask that Africa, Latin America and Asia have a voice equal to their weight in the world."),
    ("Luiz Inácio Lula da Silva", P, "A council that represents the world of 1945 cannot solve the problems of this century."),
    ("Mauro Vieira", P, "We have a concrete proposal on the table together with India, Germany and Japan."),
    ("Mauro Vieira", P, "What is missing is the political will of the five permanent members."),
    ("The U.S. Embassy", ORG, "unhelpful rhetoric"),
    ("The U.S. Embassy", ORG, "a modest expansion"),
    ("Alexei Labetsky", P, "worth studying"),
    ("A European ambassador", ANON, "Everyone agrees with the diagnosis. Nobody agrees on the cure,"),
], ["paralysed"])

# 3. Dawn-style: anonymous official introduced with "according to" and
#    mentioned again as "the official" after a named spokesperson; a woman
#    spokesperson and "she"; an Indian minister quoted in between.
art("dawn-kashmir-remarks", '''
Pakistan rejects Indian minister's Kashmir remarks

ISLAMABAD: Pakistan on Friday rejected remarks by India's external affairs minister on Kashmir, calling them "baseless and provocative", in the latest exchange between the nuclear-armed neighbours ahead of a United Nations debate.

Foreign Office spokesperson Mumtaz Zahra Baloch told the weekly press briefing that Islamabad would raise the issue at the Human Rights Council in Geneva next month. "India cannot wish away an internationally recognised dispute," she said.

Indian External Affairs Minister Subrahmanyam Jaishankar had said on Wednesday that Kashmir was "an internal matter" and that Pakistan should "stop sponsoring terrorism" before asking for talks.

According to a Pakistani official who spoke on condition of anonymity, Islamabad does not expect any change in New Delhi's position before Indian state elections later this year. "It is the same script every year, and the audience is at home, not abroad," the official said.

The official added that back-channel contacts through a Gulf country had stalled since the summer.

A Western diplomat in Islamabad said both governments were "talking past each other". "Neither side sees any benefit in moving first," the diplomat said.

India's foreign ministry did not respond to a request for comment. Its spokesman, Randhir Jaiswal, told reporters in New Delhi last week that India's position on Jammu and Kashmir was "well known and consistent".

Baloch also said Pakistan had lodged a protest with the Afghan interim government over cross-border attacks from its territory. "We have shared evidence, and we expect action, not assurances," she said.
''', [
    ("Mumtaz Zahra Baloch", ["Baloch"], "Foreign Office spokesperson", "Pakistan"),
    ("Subrahmanyam Jaishankar", [], "External Affairs Minister", "India"),
    ("Randhir Jaiswal", [], "spokesman", "India"),
], [
    ("Mumtaz Zahra Baloch", P, "India cannot wish away an internationally recognised dispute,"),
    ("Subrahmanyam Jaishankar", P, "an internal matter"),
    ("Subrahmanyam Jaishankar", P, "stop sponsoring terrorism"),
    ("a Pakistani official", ANON, "It is the same script every year, and the audience is at home, not abroad,"),
    ("A Western diplomat in Islamabad", ANON, "talking past each other"),
    ("A Western diplomat in Islamabad", ANON, "Neither side sees any benefit in moving first,"),
    ("Randhir Jaiswal", P, "well known and consistent"),
    ("Mumtaz Zahra Baloch", P, "We have shared evidence, and we expect action, not assurances,"),
], ["baseless and provocative"])

# 4. AFP: guillemets; a participle after the main clause ("defended …,
#    telling students that «…»"), relative clauses ("what he described
#    as"), a platform ("on Telegram", "on X") with the subject of the
#    quoted clause ("writing that Europe «…»"), an anonymous student.
art("afp-macron-abidjan", '''
Macron defends Africa policy before students in Abidjan

ABIDJAN (AFP) - French President Emmanuel Macron on Saturday defended the reduction of France's military presence in West Africa, telling students at a university in Abidjan that « the era of French bases is over, but not the era of partnership ».

Speaking for more than an hour, the president rejected accusations of neocolonialism, calling them « a convenient story for those who failed to deliver security ».

Ivorian President Alassane Ouattara, who hosted the visit, hailed what he described as « a relationship between equals ».

Several students questioned Macron sharply about visas. « Why is it easier for a French tourist to come here than for me to go to Lyon? » asked one student, to loud applause.

Macron acknowledged the frustration. « You are right to be angry. We have made mistakes on visas, and we will correct them », he said.

The military government in Mali, which expelled French troops in 2022, dismissed the visit on Telegram as « a farewell tour of nostalgia ».

European Council President António Costa welcomed the trip on X, writing that Europe « must speak to Africa as a partner, not as a teacher ».

The visit comes weeks after France handed over its last base in Ivory Coast, Port-Bouët camp, to the Ivorian army. Around 80 French soldiers remain there under a training agreement.

Senegal's foreign minister, Yassine Fall, who met Macron in Paris last month, told AFP that Dakar wanted « cooperation without conditions attached ».
''', [
    ("Emmanuel Macron", ["Macron"], "President", "France"),
    ("Alassane Ouattara", [], "President", "Ivory Coast"),
    ("António Costa", [], "European Council President", "European Union"),
    ("Yassine Fall", [], "foreign minister", "Senegal"),
], [
    ("Emmanuel Macron", P, "the era of French bases is over, but not the era of partnership"),
    ("Emmanuel Macron", P, "a convenient story for those who failed to deliver security"),
    ("Alassane Ouattara", P, "a relationship between equals"),
    ("one student", ANON, "Why is it easier for a French tourist to come here than for me to go to Lyon?"),
    ("Emmanuel Macron", P, "You are right to be angry. We have made mistakes on visas, and we will correct them"),
    ("The military government in Mali", ORG, "a farewell tour of nostalgia"),
    ("António Costa", P, "must speak to Africa as a partner, not as a teacher"),
    ("Yassine Fall", P, "cooperation without conditions attached"),
])

# 5. AP: he and she with a woman and a man in play; a man named last
#    before "she said"; an unnamed man before "he said".
art("ap-kallas-wang", '''
EU's Kallas presses China over drones for Russia

BRUSSELS (AP) — The European Union's foreign policy chief, Kaja Kallas, pressed Chinese Foreign Minister Wang Yi on Wednesday to stop Chinese companies from supplying drone parts to Russia, as the two held their annual strategic dialogue in Brussels.

Kallas said the bloc had shared a list of firms with Beijing. Wang has repeatedly denied that China supplies Russia with weapons. "We have the evidence, and we are ready to present it," she said.

Wang struck a different tone at his own news conference. "China is not a party to the conflict, and China is not the creator of the crisis," he said. "We have never provided lethal weapons to any side."

The two also discussed trade. The EU imposed duties on Chinese electric vehicles last year, and Beijing answered with investigations into European brandy and pork.

Kallas called the trade measures "a legitimate defence of a level playing field". Asked whether the EU would go further, she said no decision had been taken. "Our door is open, but our eyes are open too," Kallas said.

Hungarian Foreign Minister Peter Szijjarto, whose government has blocked several EU statements on China, said the bloc should "stop lecturing" Beijing. Kallas did not respond to the remarks.

A senior EU official said the talks had been tense but useful. "He listened, he took notes, and he did not walk out," the official said of Wang. "That is progress by the standards of this relationship."

Wang travels on to Berlin and Paris later this week.
''', [
    ("Kaja Kallas", ["Kallas"], "foreign policy chief", "European Union"),
    ("Wang Yi", ["Wang"], "Foreign Minister", "China"),
    ("Peter Szijjarto", [], "Foreign Minister", "Hungary"),
], [
    ("Kaja Kallas", P, "We have the evidence, and we are ready to present it,"),
    ("Wang Yi", P, "China is not a party to the conflict, and China is not the creator of the crisis,"),
    ("Wang Yi", P, "We have never provided lethal weapons to any side."),
    ("Kaja Kallas", P, "a legitimate defence of a level playing field"),
    ("Kaja Kallas", P, "Our door is open, but our eyes are open too,"),
    ("Peter Szijjarto", P, "stop lecturing"),
    ("A senior EU official", ANON, "He listened, he took notes, and he did not walk out,"),
    ("A senior EU official", ANON, "That is progress by the standards of this relationship."),
])

# 6. UN press release: delegations as "the representative of …", an
#    Under-Secretary-General introduced by name then by title, a
#    commissioner-general in apposition with a further apposition,
#    object complements ("described the Council as", "called the draft").
art("unpress-gaza-aid", '''
Security Council Hears Appeals for Aid Access in Gaza as Members Split over Draft Text

The Security Council met today to consider the humanitarian situation in Gaza, hearing briefings from two senior United Nations officials as members remained divided over a draft resolution on aid access.

Rosemary DiCarlo, Under-Secretary-General for Political and Peacebuilding Affairs, said that the ceasefire remained fragile and that violations were reported daily. "The window to consolidate the ceasefire is closing," the Under-Secretary-General said, urging members to support the mediation efforts of Egypt, Qatar and the United States.

Philippe Lazzarini, Commissioner-General of UNRWA, the United Nations agency for Palestine refugees, said that the agency's staff continued to work despite legislation restricting its operations. "We are being asked to disappear while we are still needed," he said.

The representative of the United States called the draft "counterproductive and dangerous", arguing that it would undermine the ongoing negotiations.

The representative of the Russian Federation described the Council as "paralysed by the double standards of some of its members". "Each time civilians need this Council, one delegation raises its hand," he said.

The representative of China said the draft was "the minimum this Council owes to the people of Gaza".

The representative of Algeria, speaking for the Arab Group, rejected the objections as "a travesty of the Charter".

"It is a very serious situation" has become a familiar refrain in this Chamber, the representative of Slovenia observed, adding that words had to be matched by action.
''', [
    ("Rosemary DiCarlo", [], "Under-Secretary-General for Political and Peacebuilding Affairs", "United Nations"),
    ("Philippe Lazzarini", [], "Commissioner-General", "UNRWA"),
], [
    ("Rosemary DiCarlo", P, "The window to consolidate the ceasefire is closing,"),
    ("Philippe Lazzarini", P, "We are being asked to disappear while we are still needed,"),
    ("The representative of the United States", ANON, "counterproductive and dangerous"),
    ("The representative of the Russian Federation", ANON, "paralysed by the double standards of some of its members"),
    ("The representative of the Russian Federation", ANON, "Each time civilians need this Council, one delegation raises its hand,"),
    ("The representative of China", ANON, "the minimum this Council owes to the people of Gaza"),
    ("The representative of Algeria", ANON, "a travesty of the Charter"),
], ["It is a very serious situation"])

# 7. State Department briefing transcript: speaker labels, no quotation
#    marks around the answers; questions are not quotes of a known person.
art("state-briefing-transcript", '''
Department Press Briefing

Matthew Miller, Department Spokesperson, Washington, D.C.

MR MILLER: Good afternoon, everyone. I have one announcement at the top. The Secretary will travel to Cairo and Doha tomorrow to continue our work on a ceasefire and the release of hostages. With that, I'm happy to take your questions.

QUESTION: Matt, do you expect a deal to be announced during this trip?

MR MILLER: I'm not going to put a timeline on it. We have made real progress over the past week, but there are still gaps, and closing those gaps will take hard work by all the parties.

QUESTION: The Israeli prime minister said this morning that the Rafah operation will go ahead with or without a deal. Does that undercut the talks?

MR MILLER: We have been clear with the Israeli government, publicly and privately, that we do not support a major military operation in Rafah without a credible plan to protect civilians. That has not changed.

QUESTION: And on Ukraine, is there any update on the air defense package?

MR MILLER: The Secretary spoke with Foreign Minister Kuleba yesterday and made clear that more Patriot interceptors are on the way. I don't have a date for you, but it will be soon.

QUESTION: Thank you.

MR MILLER: Thanks, everyone.
''', [
    ("Matthew Miller", ["MILLER"], "Department Spokesperson", "State Department"),
    ("Kuleba", [], "Foreign Minister", ""),
], [
    ("Matthew Miller", P, "Good afternoon, everyone. I have one announcement at the top. The Secretary will travel to Cairo and Doha tomorrow to continue our work on a ceasefire and the release of hostages. With that, I'm happy to take your questions."),
    ("Matthew Miller", P, "I'm not going to put a timeline on it. We have made real progress over the past week, but there are still gaps, and closing those gaps will take hard work by all the parties."),
    ("Matthew Miller", P, "We have been clear with the Israeli government, publicly and privately, that we do not support a major military operation in Rafah without a credible plan to protect civilians. That has not changed."),
    ("Matthew Miller", P, "The Secretary spoke with Foreign Minister Kuleba yesterday and made clear that more Patriot interceptors are on the way. I don't have a date for you, but it will be soon."),
], ["Matt, do you expect a deal to be announced during this trip?",
    "The Israeli prime minister said this morning that the Rafah operation will go ahead with or without a deal. Does that undercut the talks?",
    "And on Ukraine, is there any update on the air defense package?",
    "Thanks, everyone."])

# 8. Ministry readout: the statement and the readout as speakers, a
#    person reported through the readout, dates next to verbs.
art("readout-china-brazil", '''
China, Brazil pledge closer coordination on climate and trade

BEIJING, May 14 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks in Beijing on Tuesday with Brazilian Foreign Minister Mauro Vieira, the two sides agreeing to deepen coordination ahead of the COP30 climate conference in Belem.

According to a readout released by the Chinese Foreign Ministry, Wang said China was willing to work with Brazil to "uphold true multilateralism" and to oppose "unilateral bullying in all its forms".

The readout said the two ministers had exchanged views on the Ukraine crisis and reaffirmed their six-point consensus on a political settlement, which it described as "an open platform for all peace-loving countries".

Vieira said Brazil valued China as its largest trading partner. "Our relationship is strategic, and it is global," he told Xinhua after the meeting, adding that Brasilia wanted Chinese investment in railways and ports.

On Monday, the Brazilian foreign ministry said in a statement that the visit would prepare a trip to China by President Luiz Inácio Lula da Silva later this year. "The two presidents share a commitment to a more balanced international order," the statement said.

Trade between the two countries reached a record 181 billion U.S. dollars last year, according to Chinese customs data, led by Brazilian soybeans, iron ore and crude oil.

Asked about U.S. tariffs on Chinese goods, foreign ministry spokesperson Lin Jian told a regular briefing on Wednesday that "there are no winners in a trade war". He said China and Brazil would "jointly safeguard the multilateral trading system".

Wednesday's briefing also covered the situation in the Middle East. Lin called for "an immediate and lasting ceasefire" in Gaza.
''', [
    ("Wang Yi", ["Wang"], "Foreign Minister", "China"),
    ("Mauro Vieira", ["Vieira"], "Foreign Minister", "Brazil"),
    ("Luiz Inácio Lula da Silva", [], "President", "Brazil"),
    ("Lin Jian", ["Lin"], "foreign ministry spokesperson", "China"),
], [
    ("Wang Yi", P, "uphold true multilateralism"),
    ("Wang Yi", P, "unilateral bullying in all its forms"),
    ("The readout", DOC, "an open platform for all peace-loving countries"),
    ("Mauro Vieira", P, "Our relationship is strategic, and it is global,"),
    ("the statement", DOC, "The two presidents share a commitment to a more balanced international order,"),
    ("Lin Jian", P, "there are no winners in a trade war"),
    ("Lin Jian", P, "jointly safeguard the multilateral trading system"),
    ("Lin Jian", P, "an immediate and lasting ceasefire"),
])

# 9. Live blog: timestamps, platform phrases, dates and places next to
#    verbs, a quote of a post by an organisation, an agency relaying.
art("liveblog-sudan", '''
Sudan war live: talks in Jeddah, attacks on El Fasher

14:05 GMT - Saudi Arabia says talks will resume

Saudi Arabia's foreign ministry said on X that indirect talks between Sudan's army and the Rapid Support Forces would resume in Jeddah next week. The ministry urged both sides to "put the interests of the Sudanese people above all else".

13:40 GMT - UN agency warns of famine in Darfur

The World Food Programme said in a statement that famine conditions had spread to at least five more areas in North Darfur. "We have food ready to move, but our trucks cannot get through," WFP regional director Laurent Bukera said.

Bukera added that fighting around El Fasher had cut the last supply route. "Every day without access costs lives," he said.

12:15 GMT - RSF accuses army of drone strikes

The RSF said on Telegram that army drones had struck a market in Nyala on Sunday, killing civilians. It called the strike "a war crime that will not go unpunished". The army did not comment.

11:30 GMT - Sudanese official: no ceasefire before withdrawal

A senior Sudanese government official told Al Jazeera on Monday that the army would not agree to a ceasefire before the RSF withdrew from cities it had seized. "A ceasefire that freezes the occupation of our towns is not peace," the official said.

10:50 GMT - UK announces new aid

British Foreign Secretary David Lammy announced 120 million pounds in additional humanitarian aid on Monday, calling the war in Sudan "the world's most neglected crisis".

"The world has looked away for too long," Lammy said in London.
''', [
    ("Laurent Bukera", ["Bukera"], "regional director", "WFP"),
    ("David Lammy", ["Lammy"], "Foreign Secretary", "United Kingdom"),
], [
    ("Saudi Arabia's foreign ministry", ORG, "put the interests of the Sudanese people above all else"),
    ("Laurent Bukera", P, "We have food ready to move, but our trucks cannot get through,"),
    ("Laurent Bukera", P, "Every day without access costs lives,"),
    ("The RSF", ORG, "a war crime that will not go unpunished"),
    ("A senior Sudanese government official", ANON, "A ceasefire that freezes the occupation of our towns is not peace,"),
    ("David Lammy", P, "the world's most neglected crisis"),
    ("David Lammy", P, "The world has looked away for too long,"),
])

# 10. Reuters: quotes that are subjects or objects of a sentence, not
#     speech carried on from the speaker before; a quote paragraph with
#     more text after it; an untagged slogan.
art("reuters-iran-iaea", '''
IAEA chief says Iran inspections "at a crossroads"

VIENNA (Reuters) - The head of the U.N. nuclear watchdog said on Monday that cooperation with Iran had reached a decisive moment, as the agency's Board of Governors opened a quarterly meeting in Vienna.

"We are at a crossroads, and the direction Iran takes now will shape everything that follows," Rafael Grossi, director general of the International Atomic Energy Agency, told reporters before the meeting.

"No access, no assurances" has become the standard summary of the agency's position among Western diplomats, who are weighing a new resolution censuring Tehran.

Grossi said inspectors had not been able to verify Iran's stockpile of highly enriched uranium for several months. He described the gap in knowledge as "a serious concern for everyone in this room".

Iran's ambassador to the IAEA, Reza Najafi, said his country would respond to any resolution. "Pressure has never worked with Iran and it will not work now," Najafi said.

"Snapback" is the word on everyone's lips in the corridors, a reference to the mechanism that would restore U.N. sanctions on Iran. Diplomats said Britain, France and Germany were ready to trigger it before it expires in October.

A Western diplomat said the three European powers had prepared a draft. "The text is ready. The question is whether we table it this week or give Tehran one more chance," the diplomat said.

Russia's ambassador, Mikhail Ulyanov, wrote on X that a resolution would be "a grave mistake" that "can only lead to escalation".

The board is expected to vote on Thursday.
''', [
    ("Rafael Grossi", ["Grossi"], "director general", "International Atomic Energy Agency"),
    ("Reza Najafi", ["Najafi"], "ambassador", "Iran"),
    ("Mikhail Ulyanov", [], "ambassador", "Russia"),
], [
    ("Rafael Grossi", P, "We are at a crossroads, and the direction Iran takes now will shape everything that follows,"),
    ("Rafael Grossi", P, "a serious concern for everyone in this room"),
    ("Reza Najafi", P, "Pressure has never worked with Iran and it will not work now,"),
    ("A Western diplomat", ANON, "The text is ready. The question is whether we table it this week or give Tehran one more chance,"),
    ("Mikhail Ulyanov", P, "a grave mistake"),
    ("Mikhail Ulyanov", P, "can only lead to escalation"),
], ["at a crossroads", "No access, no assurances", "Snapback"])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
