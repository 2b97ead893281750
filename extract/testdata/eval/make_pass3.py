#!/usr/bin/env python3
"""Generate pass3.jsonl: new annotated articles for the third pass over the
attribution rules, one or more per error class left after generalize.jsonl:

1. short quotes after a sentence that only describes the speaker
   ("… was sceptical. "Speeches are cheap," he told …") and partial quotes
   in a lead sentence whose subject is a country;
2. he/she after the only person named in the sentences before, of unknown
   sex, and the second half of a quote split by a pronoun tag;
3. a quote that is the subject of a narrative sentence (no speaker, and
   never the previous paragraph's);
4. briefing transcripts with speaker labels (UN noon briefing);
5. definite descriptions of organisations ("the ministry") and "it" for an
   organisation subject;
6. counterparts, roles after a name ("commissioner-general of UNRWA"),
   titles of bodies before a name, organisations that are never people;
7. "which it described as" relative clauses;
8. inverted tags after a question or exclamation.

Annotation and checks follow make_fixtures.py.

Run:  python3 make_pass3.py          (writes pass3.jsonl and checks it)
      python3 make_pass3.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "pass3.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('p3-', 'attache-pass3', id, text, people, quotes, ignore))


# 1. Classes 1, 2: a sceptical opposition leader, a pronoun tag that splits
#    a quote, an ambassador of unknown sex as the only person before "he".
art("sudan-crossings", '''
UN council presses Sudan to open aid routes as famine spreads

NEW YORK (Reuters) - Members of the U.N. Security Council on Thursday urged Sudan's army-backed government to keep border crossings open for aid convoys, warning that famine had taken hold in parts of Darfur and Kordofan.

British Ambassador Barbara Woodward said the council could not "look away while children starve" and called on both warring parties to let trucks through without conditions.

Sudan's ambassador to the United Nations, Al-Harith Idriss Al-Harith Mohamed, rejected the criticism. "The government has opened every crossing that was requested," he said. "The obstacles are created by the militia, not by us."

The Rapid Support Forces, which have fought the army since April 2023, deny blocking aid and accuse the army of bombing markets and hospitals.

The World Food Programme said in a statement that only a fraction of the food needed had reached the region in the past month, and that convoys had waited for weeks at the Adre crossing from Chad.

In Khartoum, the government announced that the Adre crossing would stay open for another three months. But opposition leader Khalid Omer Yousif was sceptical. "Speeches are cheap," he told the Sudan Tribune newspaper. "We will see whether a single truck reaches El Fasher before the rains."

Aid groups say the rainy season, which begins in June, will cut many roads for months and make the lean season far deadlier than last year.

The council is expected to discuss a draft resolution drafted by Britain and Sierra Leone next week. A diplomat from one of the council's African members said the text would be "balanced" and would name no party. Human Rights Watch said the council had waited too long to act.
''', [
    ("Barbara Woodward", [], "Ambassador", "United Kingdom"),
    ("Al-Harith Idriss Al-Harith Mohamed", [], "ambassador", "Sudan"),
    ("Khalid Omer Yousif", [], "opposition leader", ""),
], [
    ("Barbara Woodward", P, "look away while children starve"),
    ("Al-Harith Idriss Al-Harith Mohamed", P, "The government has opened every crossing that was requested,"),
    ("Al-Harith Idriss Al-Harith Mohamed", P, "The obstacles are created by the militia, not by us."),
    ("Khalid Omer Yousif", P, "Speeches are cheap,"),
    ("Khalid Omer Yousif", P, "We will see whether a single truck reaches El Fasher before the rains."),
    ("A diplomat from one of the council's African members", ANON, "balanced"),
])

# 2. Classes 1, 5, 7: a country as the subject of a partial quote in the
#    lead, "the ministry" after a fuller name, "which it described as".
art("china-eu-tariffs", '''
China warns EU over tariffs on electric vehicles

BEIJING (AP) - China on Wednesday warned the European Union that new tariffs on Chinese electric vehicles would "seriously damage" trade ties, as officials in Brussels prepared to confirm duties of up to 35 percent.

China's commerce ministry said in a statement that Beijing would "take all necessary measures" to protect the interests of Chinese companies. The ministry called the tariffs "naked protectionism" and said it had filed a complaint with the World Trade Organization.

The European Commission says Chinese carmakers benefit from state subsidies that let them undercut European rivals. It opened its investigation last year after a surge in imports of cheap electric cars.

Germany, whose carmakers sell millions of vehicles in China each year, had argued against the duties. Chancellor Olaf Scholz said on Tuesday that trade disputes should be settled "through negotiation, not through walls".

The Chinese foreign ministry also criticised a visit to Taiwan by a group of European lawmakers, which it described as "a serious interference in China's internal affairs". Its spokesperson, Mao Ning, told a regular briefing that Beijing had lodged a protest with the delegation's governments.

Analysts expect Beijing to respond with duties on European pork, dairy or brandy. French cognac makers, who were hit by anti-dumping measures last year, said they feared becoming "collateral damage" in a dispute that had nothing to do with them.

The European Chamber of Commerce in China urged both sides to return to talks. Its president, Jens Eskelund, said European companies in China were already feeling the pressure. "Nobody wins a trade war. We have seen this film before," Eskelund said.

Talks between the two sides are due to resume in Brussels next week.
''', [
    ("Olaf Scholz", ["Scholz"], "Chancellor", "Germany"),
    ("Mao Ning", [], "spokesperson", "Chinese foreign ministry"),
    ("Jens Eskelund", ["Eskelund"], "president", "European Chamber of Commerce in China"),
], [
    ("China", ORG, "seriously damage"),
    ("China's commerce ministry", ORG, "take all necessary measures"),
    ("China's commerce ministry", ORG, "naked protectionism"),
    ("Olaf Scholz", P, "through negotiation, not through walls"),
    ("The Chinese foreign ministry", ORG, "a serious interference in China's internal affairs"),
    ("French cognac makers", ANON, "collateral damage"),
    ("Jens Eskelund", P, "Nobody wins a trade war. We have seen this film before,"),
])

# 3. Classes 3, 6, 8: a quote as the subject of a sentence, a role after a
#    name, inverted tags after a question and an exclamation.
art("unrwa-protest", '''
UNRWA chief warns of collapse as students protest in Amman

AMMAN (AFP) - The head of the U.N. agency for Palestinian refugees warned on Monday that it could stop operating within weeks unless donors restored their funding, as hundreds of students protested outside its offices in the Jordanian capital.

Philippe Lazzarini, commissioner-general of UNRWA, the U.N. agency for Palestine refugees, told reporters that the agency had enough money to pay salaries only until the end of the month.

"We are being asked to do more with less every single day, and there is a limit to that," Lazzarini said. "If the money does not come, schools will close."

"It is a very serious situation" has become a familiar refrain at the agency's meetings with donors, who have heard similar warnings every year for a decade.

Outside the agency's offices, students from refugee camps around Amman chanted slogans and waved the flags of Jordan and Palestine.

"Why now?" asked one student, holding a sign calling for the schools to stay open. "Our exams are in June."

"Enough!" shouted a protester as police formed a line in front of the gates.

Jordanian Foreign Minister Ayman Safadi said in a statement that Jordan would host a donor meeting next month and urged countries that had paused their contributions to resume them. He called UNRWA "irreplaceable".

Several donors suspended their funding last year after Israel accused a dozen of the agency's staff of taking part in the October 7 attack. An independent review led by former French foreign minister Catherine Colonna later found that Israel had not provided evidence for some of its claims.

The World Health Organization and the Red Crescent have warned that a collapse of the agency's clinics would leave hundreds of thousands of people without basic care.
''', [
    ("Philippe Lazzarini", ["Lazzarini"], "commissioner-general", "UNRWA"),
    ("Ayman Safadi", [], "Foreign Minister", "Jordan"),
    ("Catherine Colonna", [], "former foreign minister", "France"),
], [
    ("Philippe Lazzarini", P, "We are being asked to do more with less every single day, and there is a limit to that,"),
    ("Philippe Lazzarini", P, "If the money does not come, schools will close."),
    ("one student", ANON, "Why now?"),
    ("one student", ANON, "Our exams are in June."),
    ("a protester", ANON, "Enough!"),
    ("Ayman Safadi", P, "irreplaceable"),
], ["It is a very serious situation"])

# 4. Class 4: a UN noon briefing transcript with speaker labels.
art("un-noon-briefing", '''
Daily Press Briefing by the Office of the Spokesperson for the Secretary-General

The following is a near-verbatim transcript of today's noon briefing by Stéphane Dujarric, Spokesman for the Secretary-General.

SPOKESMAN DUJARRIC: Good afternoon. I will start with an update from Haiti, where our humanitarian colleagues tell us that fighting between armed groups has forced more than 5,000 people from their homes in the capital since Friday. The World Food Programme is delivering hot meals to displacement sites, but access remains extremely difficult.

QUESTION: Stéphane, has the Secretary-General spoken to the Haitian transitional authorities this week?

SPOKESMAN DUJARRIC: He has been in touch with them, as he has been throughout this crisis. I don't have a specific call to read out for you today, but our Special Representative is in constant contact with the authorities and with the Kenyan-led mission.

QUESTION: On Sudan, the Security Council meets tomorrow. What does the Secretary-General expect from the members?

SPOKESMAN DUJARRIC: What we expect is unity. The people of Sudan have suffered for far too long, and the Council has a responsibility to speak with one voice and to push both parties back to the table. Aid must be allowed to flow across borders and across front lines.

QUESTION: A follow-up. Are there any plans for the Secretary-General to travel to the region?

SPOKESMAN DUJARRIC: Nothing to announce at this point. When we have travel to announce, you will be the first to know.

QUESTION: Thank you, Stéphane.

SPOKESMAN DUJARRIC: Thank you. Our guest tomorrow will be the head of the UN Development Programme, who will brief you on the new human development report.
''', [
    ("Stéphane Dujarric", ["DUJARRIC"], "Spokesman", "United Nations"),
], [
    ("Stéphane Dujarric", P, "Good afternoon. I will start with an update from Haiti, where our humanitarian colleagues tell us that fighting between armed groups has forced more than 5,000 people from their homes in the capital since Friday. The World Food Programme is delivering hot meals to displacement sites, but access remains extremely difficult."),
    ("Stéphane Dujarric", P, "He has been in touch with them, as he has been throughout this crisis. I don't have a specific call to read out for you today, but our Special Representative is in constant contact with the authorities and with the Kenyan-led mission."),
    ("Stéphane Dujarric", P, "What we expect is unity. The people of Sudan have suffered for far too long, and the Council has a responsibility to speak with one voice and to push both parties back to the table. Aid must be allowed to flow across borders and across front lines."),
    ("Stéphane Dujarric", P, "Nothing to announce at this point. When we have travel to announce, you will be the first to know."),
    ("Stéphane Dujarric", P, "Thank you. Our guest tomorrow will be the head of the UN Development Programme, who will brief you on the new human development report."),
], ["Stéphane, has the Secretary-General spoken to the Haitian transitional authorities this week?",
    "On Sudan, the Security Council meets tomorrow. What does the Secretary-General expect from the members?",
    "A follow-up. Are there any plans for the Secretary-General to travel to the region?",
    "Thank you, Stéphane."])

# 5. Classes 5, 6: a counterpart, a body's title before a name, the
#    foreign ministry mentioned again as "the ministry", "it" for the RSF,
#    organisations whose names end in a head noun.
art("gulf-sudan-counterparts", '''
Saudi Arabia and Greece condemn RSF attack on Sudan camp

RIYADH (Reuters) - Saudi Arabia and Greece on Sunday condemned an attack by Sudan's paramilitary Rapid Support Forces on a camp for displaced people in North Darfur that killed dozens of civilians, according to medics.

Saudi Arabia's foreign ministry said the attack was "a flagrant violation of international humanitarian law" and called on the RSF to respect the commitments it made in Jeddah in 2023. The ministry said the kingdom would send more food and medicine to the region.

Saudi Foreign Minister Prince Faisal bin Farhan discussed the attack by telephone with his Greek counterpart Nikos Dendias, who is visiting the Gulf this week. Dendias said Greece would raise the matter at the next meeting of European foreign ministers. "Europe cannot remain a spectator to this tragedy," Dendias said.

The RSF said its forces had targeted army positions near the camp and denied hitting civilians. It called the reports of a massacre "fabrications by the army and its allies".

The Emergency Lawyers group, which documents abuses in Darfur, said the dead included women and children.

European Council President António Costa wrote on X that the European Union stood "with the people of Sudan" and would back an independent investigation.

The Norwegian Refugee Council said aid workers had been unable to reach the camp for three days. Its regional director, Angelika Brodersen, said the violence was "shocking even by the standards of this war".

The World Food Programme has warned that famine is spreading in Darfur. Millions of people have fled their homes since the war between the army and the RSF broke out in April 2023.
''', [
    ("Faisal bin Farhan", [], "Foreign Minister", "Saudi Arabia"),
    ("Nikos Dendias", ["Dendias"], "counterpart", "Greece"),
    ("António Costa", [], "European Council President", "European Council"),
    ("Angelika Brodersen", [], "regional director", "Norwegian Refugee Council"),
], [
    ("Saudi Arabia's foreign ministry", ORG, "a flagrant violation of international humanitarian law"),
    ("Nikos Dendias", P, "Europe cannot remain a spectator to this tragedy,"),
    ("The RSF", ORG, "fabrications by the army and its allies"),
    ("António Costa", P, "with the people of Sudan"),
    ("Angelika Brodersen", P, "shocking even by the standards of this war"),
])


# 6. Mixed probes: a spokeswoman named after her title, "she" with a man
#    of known sex in between, an anonymous source mentioned again, a
#    statement from a ministry, an inverted tag with a title.
art("iran-iaea-probe", '''
Iran says it will keep cooperating with IAEA despite new resolution

TEHRAN (Reuters) - Iran will keep working with the U.N. nuclear watchdog despite a resolution passed by its board on Thursday, the foreign ministry said, while warning that Tehran would respond to any "hostile step" by Western powers.

Foreign ministry spokesman Esmaeil Baghaei told a weekly news conference that the resolution was "politically motivated" and would not help resolve outstanding issues. "Iran has always acted in good faith. Those who drafted this text know that very well," Baghaei said.

The resolution, drafted by Britain, France and Germany, orders the International Atomic Energy Agency to produce a comprehensive report on Iran's nuclear activities. It passed with 19 votes in favour and three against.

IAEA Director General Rafael Grossi said he hoped to visit Tehran soon. "Dialogue is the only way forward," said Grossi, who met Iranian officials in Vienna last month.

Britain's ambassador to the agency, Corinne Kitsell, said the board had acted because Iran had failed to explain traces of uranium found at undeclared sites. Grossi has called the situation "worrying". "Our patience is not unlimited," she said.

A senior Iranian official, speaking on condition of anonymity, said Tehran was considering activating new centrifuges in response. "Everything is on the table," the official said.

Russia's envoy in Vienna, Mikhail Ulyanov, wrote on X that the resolution was "a step in the wrong direction". China also voted against the text.

"We are not looking for confrontation," Iranian Foreign Minister Abbas Araghchi said in a post on X. "But we will not be bullied."

Diplomats said the board could refer the matter to the U.N. Security Council if Iran did not cooperate by June.
''', [
    ("Esmaeil Baghaei", ["Baghaei"], "spokesman", "Iran"),
    ("Rafael Grossi", ["Grossi"], "Director General", "IAEA"),
    ("Corinne Kitsell", [], "ambassador", "United Kingdom"),
    ("Mikhail Ulyanov", [], "envoy", "Russia"),
    ("Abbas Araghchi", [], "Foreign Minister", "Iran"),
], [
    ("Esmaeil Baghaei", P, "politically motivated"),
    ("Esmaeil Baghaei", P, "Iran has always acted in good faith. Those who drafted this text know that very well,"),
    ("Rafael Grossi", P, "Dialogue is the only way forward,"),
    ("Rafael Grossi", P, "worrying"),
    ("Corinne Kitsell", P, "Our patience is not unlimited,"),
    ("A senior Iranian official", ANON, "Everything is on the table,"),
    ("Mikhail Ulyanov", P, "a step in the wrong direction"),
    ("Abbas Araghchi", P, "We are not looking for confrontation,"),
    ("Abbas Araghchi", P, "But we will not be bullied."),
], ["hostile step"])

# 7. A quote paragraph after a colon, a quote before its tag with a
#    title after the name, "the minister" for the person just named, a
#    spokeswoman's paragraph-long quote over two paragraphs.
art("africa-summit", '''
African Union leaders call for seats on Security Council

ADDIS ABABA (AFP) - African leaders on Sunday renewed their demand for permanent seats on the U.N. Security Council, as an African Union summit in the Ethiopian capital closed with a call for reform of global institutions.

"Africa cannot remain the only continent without a permanent seat," said Moussa Faki Mahamat, the outgoing chairperson of the African Union Commission. "This is an injustice that the world can no longer ignore."

Kenyan President William Ruto, who has championed the reform, put it bluntly:

"We are 54 countries and 1.4 billion people. We are not asking for a favour. We are asking for what is fair."

South Africa's foreign minister, Ronald Lamola, said his country would use its presidency of the G20 to press the case. The minister told reporters that the current system was "a relic of 1945".

The summit also discussed the war in Sudan and the conflict in eastern Congo. The AU's peace and security commissioner, Bankole Adeoye, said the union would send a fact-finding mission to Goma.

"We will not accept the partition of any member state," he said.

Ghana's President John Mahama said the continent needed to speak with one voice on debt. "Every year, we pay more to our creditors than we spend on health and education combined,

"and that cannot go on," Mahama said.

Diplomats say any reform of the council would need the support of the five permanent members, which has so far been lacking.
''', [
    ("Moussa Faki Mahamat", [], "chairperson", "African Union Commission"),
    ("William Ruto", [], "President", "Kenya"),
    ("Ronald Lamola", [], "foreign minister", "South Africa"),
    ("Bankole Adeoye", [], "peace and security commissioner", "African Union"),
    ("John Mahama", ["Mahama"], "President", "Ghana"),
], [
    ("Moussa Faki Mahamat", P, "Africa cannot remain the only continent without a permanent seat,"),
    ("Moussa Faki Mahamat", P, "This is an injustice that the world can no longer ignore."),
    ("William Ruto", P, "We are 54 countries and 1.4 billion people. We are not asking for a favour. We are asking for what is fair."),
    ("Ronald Lamola", P, "a relic of 1945"),
    ("Bankole Adeoye", P, "We will not accept the partition of any member state,"),
    ("John Mahama", P, "Every year, we pay more to our creditors than we spend on health and education combined,"),
    ("John Mahama", P, "and that cannot go on,"),
])


# 8. Found while probing: "it" after a body's quote, "quoted Y as saying",
#    "a spokesman for <title> <name>", "he" after a host and his guest
#    (the guest is an object), two ministers joined by "and", an age.
art("gulf-visit-probe", '''
Erdogan hosts Syria's Sharaa as Gulf states pledge reconstruction aid

ANKARA (Reuters) - Turkish President Recep Tayyip Erdogan hosted Syrian leader Ahmed al-Sharaa in Ankara on Tuesday, as Gulf states pledged billions of dollars to rebuild Syria after more than a decade of war.

"Syria's stability is our stability," he told a joint news conference, adding that Turkey would help train the new Syrian army.

Al-Sharaa, 42, said: "We want good relations with all our neighbours."

Saudi Arabia's foreign ministry said the kingdom would fund salaries of Syrian public sector workers for six months. "The kingdom stands with the Syrian people," it said in a statement. It added that the support was "not tied to any political conditions".

Egypt's Foreign Minister Badr Abdelatty and his Jordanian counterpart Ayman Safadi held talks in Cairo on the same day. "We reject any attempt to displace the Palestinians," he said.

Iranian state media quoted Foreign Minister Abbas Araghchi as saying that Tehran would "respect the choice of the Syrian people".

A spokesman for Prime Minister Keir Starmer said Britain was "ready to play its part" in the reconstruction, but that sanctions on some individuals would remain.

The Pentagon said it had no plans to withdraw U.S. troops from northeastern Syria. "Our mission against the Islamic State has not changed," it said.

The United Nations estimates that rebuilding Syria will cost more than $250 billion. About 90 percent of Syrians live in poverty, according to the U.N. Development Programme, which called the situation "a generational catastrophe".
''', [
    ("Recep Tayyip Erdogan", [], "President", "Turkey"),
    ("Ahmed al-Sharaa", ["Al-Sharaa"], "leader", "Syria"),
    ("Badr Abdelatty", [], "Foreign Minister", "Egypt"),
    ("Ayman Safadi", [], "counterpart", "Jordan"),
    ("Abbas Araghchi", [], "Foreign Minister", "Iran"),
    ("Keir Starmer", [], "Prime Minister", "United Kingdom"),
], [
    ("Recep Tayyip Erdogan", P, "Syria's stability is our stability,"),
    ("Ahmed al-Sharaa", P, "We want good relations with all our neighbours."),
    ("Saudi Arabia's foreign ministry", ORG, "The kingdom stands with the Syrian people,"),
    ("Saudi Arabia's foreign ministry", ORG, "not tied to any political conditions"),
    ("Abbas Araghchi", P, "respect the choice of the Syrian people"),
    ("A spokesman for Prime Minister Keir Starmer", ANON, "ready to play its part"),
    ("The Pentagon", ORG, "Our mission against the Islamic State has not changed,"),
    ("the U.N. Development Programme", ORG, "a generational catastrophe"),
], ["We reject any attempt to displace the Palestinians,"])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
