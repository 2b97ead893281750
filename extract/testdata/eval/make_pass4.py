#!/usr/bin/env python3
"""Generate pass4.jsonl: annotated articles for the fourth pass, on the
classes still left empty or missed after pass3.jsonl:

1. he/she after a sentence whose grammatical subject is one person (a
   title before the name, or an appositive name after a role), with people
   named in earlier sentences that must not block it, and the second half
   of a quote split by the pronoun tag;
2. object-complement partial quotes ("rejected the speech as "a travesty"",
   "dismissed the report as "fake news"", "described the talks as
   "constructive"") given to the clause subject, her/his resolved the same way;
3. the affiliation of an unqualified state role from its own sentence
   ("Russia was represented by Deputy Foreign Minister X", "for Iran")
   before the article's main country.

Annotation and checks follow make_fixtures.py.

Run:  python3 make_pass4.py          (writes pass4.jsonl and checks it)
      python3 make_pass4.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "pass4.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('p4-', 'attache-pass4', id, text, people, quotes, ignore))


# 1. Classes 1, 3: a Black Sea meeting hosted by Turkey where Russia sends
#    a deputy minister; people named before the sentence that opens with the
#    speaker must not block "he".
art("black-sea-talks", '''
Black Sea grain talks end without deal in Istanbul

ISTANBUL (AP) - Talks on reviving safe passage for grain ships in the Black Sea ended without agreement on Tuesday, Turkish officials said.

Turkish Foreign Minister Hakan Fidan opened the meeting and urged both sides to think of the countries that depend on the grain. Ukrainian Foreign Minister Andrii Sybiha attended in person.

Russia was represented by Deputy Foreign Minister Pavel Gromov, who did not speak to reporters. Moscow has said it will not return to any deal until Western sanctions on its farm bank are lifted.

Sybiha was blunt after the session. "Russia is using hunger as a weapon," he told reporters. "Every week of delay costs lives in Africa and the Middle East."

The original grain corridor, brokered by Turkey and the United Nations in July 2022, allowed more than 32 million tonnes of food to leave Ukrainian ports before Moscow withdrew a year later. Since then Ukraine has shipped grain through its own corridor along the western coast of the Black Sea, hugging the shores of Romania and Bulgaria, while insurers have raised premiums for ships that call at its ports.

Fidan said the talks would continue next month. Later, a statement from the Russian deputy minister's office said Gromov had presented "concrete proposals".
''', [
    ("Hakan Fidan", ["Fidan"], "Foreign Minister", "Turkey"),
    ("Andrii Sybiha", ["Sybiha"], "Foreign Minister", "Ukraine"),
    ("Pavel Gromov", ["Gromov"], "Deputy Foreign Minister", "Russia"),
], [
    ("Andrii Sybiha", P, "Russia is using hunger as a weapon,"),
    ("Andrii Sybiha", P, "Every week of delay costs lives in Africa and the Middle East."),
], ["concrete proposals"])

# 2. Classes 1, 2: a right of reply at the General Assembly; "her" in the
#    clause and "she" in the next sentence are the subject before.
art("unga-reply", '''
Venezuela hits back at U.S. criticism in General Assembly

UNITED NATIONS (Reuters) - Venezuela's foreign minister on Thursday accused the United States of "economic warfare" after U.S. Secretary of State Marco Rubio called for new elections in the country.

Rubio told the assembly that the government in Caracas had "stolen the will of the people" and urged Latin American states to isolate it.

Venezuelan Foreign Minister Yvan Gil used his right of reply to reject the speech as "a travesty". He said sanctions had cost his country billions of dollars.

Washington has imposed broad sanctions on Venezuela's oil sector since 2019 and does not recognise the result of last year's presidential election, which the opposition says it won by a wide margin. Millions of Venezuelans have left the country over the past decade, most of them for neighbouring states in South America, where governments have struggled to absorb them.

Chilean Foreign Minister Alberto van Klaveren, speaking later, dismissed the dispute as "a distraction" from the crisis of migrants in the region.

Colombia's ambassador to the United Nations, Leonor Zalabata, was more cautious. "Dialogue is the only road," she said. "Nobody in the region wants another closed border."
''', [
    ("Marco Rubio", ["Rubio"], "Secretary of State", "United States"),
    ("Yvan Gil", [], "Foreign Minister", "Venezuela"),
    ("Alberto van Klaveren", [], "Foreign Minister", "Chile"),
    ("Leonor Zalabata", [], "ambassador", "Colombia"),
], [
    ("Venezuela's foreign minister", ANON, "economic warfare"),
    ("Marco Rubio", P, "stolen the will of the people"),
    ("Yvan Gil", P, "a travesty"),
    ("Alberto van Klaveren", P, "a distraction"),
    ("Leonor Zalabata", P, "Dialogue is the only road,"),
    ("Leonor Zalabata", P, "Nobody in the region wants another closed border."),
])

# 3. Classes 1, 2, 3: Iran nuclear talks in Oman; "for Iran" gives the
#    affiliation; "described the talks as" gives the subject.
art("oman-talks", '''
Iran and U.S. hold indirect talks in Muscat

MUSCAT (AFP) - Iranian and American negotiators held a fourth round of indirect talks in Oman on Sunday, with Omani mediators carrying messages between the two delegations.

Deputy Foreign Minister Kazem Gharibabadi spoke for Iran at a news conference after the session. He described the talks as "difficult but useful".

U.S. envoy Steve Witkoff did not comment. Oman's Foreign Minister Badr Albusaidi, who hosted the talks, said both sides had agreed to meet again.

President Masoud Pezeshkian defended the talks in parliament. "We are not afraid of negotiations," he said. "We are afraid of bad faith."

The talks are the first direct or indirect contact between the two governments on the nuclear file since Washington left the 2015 agreement in 2018. Iran has since enriched uranium to 60 percent purity, close to the level needed for a weapon, although it says its programme is peaceful. The International Atomic Energy Agency says its inspectors no longer have full access to sites and equipment in the country.

Oman has long served as a channel between Tehran and Washington, and hosted the secret contacts that led to the interim deal of 2013. Regional governments, including Saudi Arabia and the United Arab Emirates, have welcomed the new round and called for a lasting settlement that would lower tension in the Gulf.

Israeli officials dismissed the meeting as "theatre".
''', [
    ("Kazem Gharibabadi", [], "Deputy Foreign Minister", "Iran"),
    ("Steve Witkoff", [], "envoy", "United States"),
    ("Badr Albusaidi", [], "Foreign Minister", "Oman"),
    ("Masoud Pezeshkian", [], "President", "Iran"),
], [
    ("Kazem Gharibabadi", P, "difficult but useful"),
    ("Masoud Pezeshkian", P, "We are not afraid of negotiations,"),
    ("Masoud Pezeshkian", P, "We are afraid of bad faith."),
    ("Israeli officials", ANON, "theatre"),
])

# 4. Classes 1, 2: an EU summit; an appositive name as subject, "she"
#    after it, and an object complement with "her".
art("eu-summit", '''
EU leaders split over Mercosur trade deal

BRUSSELS (Reuters) - European Union leaders failed on Thursday to agree on the Mercosur trade deal, with France and Poland leading the opposition.

French President Emmanuel Macron said the deal "cannot be signed as it stands" and demanded stronger protection for farmers.

The head of the European Commission, Ursula von der Leyen, defended the agreement. "This deal opens a market of 700 million people," she said. "We cannot afford to wait another twenty years."

The agreement with Brazil, Argentina, Uruguay and Paraguay has been under negotiation for a quarter of a century. It would remove most tariffs on trade between the two blocs, but farmers in several member states fear cheaper beef, sugar and poultry from South America. Thousands of them drove tractors into the Belgian capital during the summit, blocking roads around the buildings of the institutions for most of the day.

Supporters of the deal, led by Germany and Spain, say it would open new markets for European cars, machinery and wine at a time of rising trade barriers elsewhere. A qualified majority of member states is needed to approve it, and diplomats said the vote could slip into next year.

Italian Prime Minister Giorgia Meloni used her press conference to describe the French position as "understandable".

Polish Prime Minister Donald Tusk was more direct. "Our farmers will not pay for this deal," he said.
''', [
    ("Emmanuel Macron", [], "President", "France"),
    ("Ursula von der Leyen", [], "head", "European Commission"),
    ("Giorgia Meloni", [], "Prime Minister", "Italy"),
    ("Donald Tusk", [], "Prime Minister", "Poland"),
], [
    ("Emmanuel Macron", P, "cannot be signed as it stands"),
    ("Ursula von der Leyen", P, "This deal opens a market of 700 million people,"),
    ("Ursula von der Leyen", P, "We cannot afford to wait another twenty years."),
    ("Giorgia Meloni", P, "understandable"),
    ("Donald Tusk", P, "Our farmers will not pay for this deal,"),
])

# 5. Class 1: men named in the paragraphs before do not block "he" for the
#    single named subject of the sentence before, opening it or in
#    apposition to it; class 2 with a bare surname.
art("kenya-debt", '''
Macron promises Kenya help on debt during Nairobi visit

NAIROBI (Reuters) - French President Emmanuel Macron promised on Monday to help Kenya restructure its debt. Kenyan President William Ruto welcomed the offer and said talks would follow.

But opposition leader Raila Odinga was sceptical. "Speeches are cheap," he told the Daily Nation newspaper. "We will see what France does about debt relief."

Kenya spends more than half of its tax revenue on servicing loans, and protests against new taxes last year left dozens of people dead. The government has since cut spending on roads and hospitals and asked the International Monetary Fund for a new programme.

The head of the African Development Bank, Akinwumi Adesina, welcomed the pledge. "This is a good start for a continent that pays too much to borrow," he said.

Opposition lawmaker Esther Passaris dismissed the visit as "a photo opportunity". Ruto described the talks as "constructive".

France is Kenya's largest European investor after Britain, with companies in energy, transport and retail. The two countries also signed agreements on geothermal power and on training for the coast guard.

Moses Wetangula, the speaker of parliament, was cautious. "We need to see the details before anyone celebrates," he said.
''', [
    ("Emmanuel Macron", [], "President", "France"),
    ("William Ruto", ["Ruto"], "President", "Kenya"),
    ("Raila Odinga", [], "opposition leader", ""),
    ("Akinwumi Adesina", [], "head", "African Development Bank"),
    ("Esther Passaris", [], "Opposition lawmaker", ""),
    ("Moses Wetangula", [], "speaker", ""),
], [
    ("Raila Odinga", P, "Speeches are cheap,"),
    ("Raila Odinga", P, "We will see what France does about debt relief."),
    ("Akinwumi Adesina", P, "This is a good start for a continent that pays too much to borrow,"),
    ("Esther Passaris", P, "a photo opportunity"),
    ("William Ruto", P, "constructive"),
    ("Moses Wetangula", P, "We need to see the details before anyone celebrates,"),
])

# 6. Classes 1, 2, 3: a council debate where a man of unknown sex is
#    called "he" before a "she" whose sentence before names two people;
#    "She used her right of reply to reject … as"; "X of Britain".
art("council-crossings", '''
Security Council split over Sudan aid crossings

UNITED NATIONS (Reuters) - British Ambassador Barbara Woodward criticised Sudan's government on Thursday for blocking aid, and U.S. envoy Mike Waltz agreed with her.

Sudan's ambassador to the United Nations, Al-Harith Idriss Al-Harith Mohamed, rejected the criticism. "The government has opened every crossing that was requested," he said. "The obstacles are created by the militia."

Russian Deputy Ambassador Dmitry Polyanskiy met Woodward later. She used her right of reply to reject his remarks as "a distortion of the facts".

Chinese Ambassador Fu Cong, meanwhile, called for calm. "All parties should exercise restraint and return to talks," he told reporters.

More than 12 million people have fled their homes since the war began in April 2023, and aid agencies say half of the population needs help. Convoys have waited for weeks at crossings from Chad and South Sudan.

On Friday, Algerian Ambassador Amar Bendjama described the council's draft as "unbalanced and one-sided". He later told reporters that Algeria would abstain.

Foreign Minister David Lammy of Britain, speaking in London, was more hopeful. "We can still get the trucks moving this week," he said.

After the vote, Waltz dismissed the Russian objections as "pure theatre". "Moscow is protecting its friends," he said.
''', [
    ("Barbara Woodward", ["Woodward"], "Ambassador", "United Kingdom"),
    ("Mike Waltz", ["Waltz"], "envoy", "United States"),
    ("Al-Harith Idriss Al-Harith Mohamed", [], "ambassador", "Sudan"),
    ("Dmitry Polyanskiy", [], "Deputy Ambassador", "Russia"),
    ("Fu Cong", [], "Ambassador", "China"),
    ("Amar Bendjama", [], "Ambassador", "Algeria"),
    ("David Lammy", [], "Foreign Minister", "United Kingdom"),
], [
    ("Al-Harith Idriss Al-Harith Mohamed", P, "The government has opened every crossing that was requested,"),
    ("Al-Harith Idriss Al-Harith Mohamed", P, "The obstacles are created by the militia."),
    ("Barbara Woodward", P, "a distortion of the facts"),
    ("Fu Cong", P, "All parties should exercise restraint and return to talks,"),
    ("Amar Bendjama", P, "unbalanced and one-sided"),
    ("David Lammy", P, "We can still get the trucks moving this week,"),
    ("Mike Waltz", P, "pure theatre"),
    ("Mike Waltz", P, "Moscow is protecting its friends,"),
])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
