#!/usr/bin/env python3
"""Generate constructions.jsonl: annotated articles built around the
constructions where a speaker scorer is tempted to put words in the wrong
mouth or to miss a plain speaker, each written several ways so that the
scorer learns the construction, not one sentence:

- a quote that is the predicate of a sentence about someone ("Abbas 'has
  put aside efforts', he added"): the person it is about did not say it;
- words someone is asked about ("asked whether she thought X had called
  it 'a disgrace'"): nobody in the text is known to have said them;
- a sentence about someone else between two quotes: the carried speaker
  stops, and the bare quote after "X rejected that view." is X's;
- the object of a request ("urged ministers to condemn them as '…'"):
  the characterisation is the subject's, not the ministers';
- two people as one subject ("A and B told reporters"): neither alone;
- vox-pop signatures: a quote signed "― Name" or "— Name, town";
- a quoted interview transcript ("“HOST: …", "“AYRAULT: …").

Quotes whose speaker the text leaves open are listed as ignored: score.py
does not score them, and trainspeaker learns "nobody" from them and counts
a named speaker on them as a wrong one when it chooses its decision rule.

Annotation and checks follow make_fixtures.py.

Run:  python3 make_constructions.py          (writes constructions.jsonl and checks it)
      python3 make_constructions.py --check  (checks only)
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402  (the shared annotation checks)

OUT = os.path.join(HERE, "constructions.jsonl")
A = []
P, ANON, ORG, DOC = "person", "anonymous", "organization", "document"


def art(id, text, people, quotes, ignore=()):
    A.append(make_fixtures.article('cx-', 'attache-constructions', id, text, people, quotes, ignore))


# 1. A speech reported with quotes about third parties as predicates, and
#    a quote that carries on after a sentence about someone else.
art("speech-about-others", '''
Blinken urges patience on Gaza ceasefire talks

WASHINGTON - U.S. Secretary of State Antony Blinken on Thursday defended the pace of the ceasefire negotiations, telling a think tank audience that "every day of talks is a day of lives saved."

"We have shown that a pause is possible, and we can show it again," Blinken said in his speech. Egyptian Foreign Minister Badr Abdelatty "has worked tirelessly to keep both sides at the table," he added, and Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "deserves the thanks of every family waiting for news."

Israeli Prime Minister Benjamin Netanyahu's office said the government would send a delegation to Cairo next week. Hamas, in a statement, accused Israel of stalling.

"The gaps are narrower than they were a month ago," Blinken told reporters after the event. Israeli Defence Minister Israel Katz rejected that view on Friday. "Nothing has changed on the ground."

French Foreign Minister Jean-Noël Barrot said Paris backed the mediators. "Europe stands ready to help with reconstruction the moment the guns fall silent," Barrot said. The Jordanian foreign minister, Ayman Safadi, "has warned for months that the region cannot wait," Barrot noted, calling for a conference on the West Bank before the end of the year.

Asked whether Netanyahu had called the proposal "a trap for Israel", Blinken declined to comment. U.N. Secretary-General Antonio Guterres, for his part, repeated his call for "an immediate humanitarian ceasefire."

Officials expect the next round of talks to open in Cairo on Monday, with Egyptian and Qatari mediators shuttling between the delegations.
''', [
    ("Antony Blinken", ["Blinken"], "Secretary of State", "United States"),
    ("Badr Abdelatty", [], "Foreign Minister", "Egypt"),
    ("Mohammed bin Abdulrahman Al Thani", [], "Prime Minister", "Qatar"),
    ("Benjamin Netanyahu", ["Netanyahu"], "Prime Minister", "Israel"),
    ("Israel Katz", [], "Defence Minister", "Israel"),
    ("Jean-Noël Barrot", ["Barrot"], "Foreign Minister", "France"),
    ("Ayman Safadi", [], "foreign minister", "Jordan"),
    ("Antonio Guterres", [], "Secretary-General", "U.N."),
], [
    ("Antony Blinken", P, "every day of talks is a day of lives saved."),
    ("Antony Blinken", P, "We have shown that a pause is possible, and we can show it again,"),
    ("Antony Blinken", P, "has worked tirelessly to keep both sides at the table,"),
    ("Antony Blinken", P, "deserves the thanks of every family waiting for news."),
    ("Antony Blinken", P, "The gaps are narrower than they were a month ago,"),
    ("Israel Katz", P, "Nothing has changed on the ground."),
    ("Jean-Noël Barrot", P, "Europe stands ready to help with reconstruction the moment the guns fall silent,"),
    ("Jean-Noël Barrot", P, "has warned for months that the region cannot wait,"),
    ("Antonio Guterres", P, "an immediate humanitarian ceasefire."),
], ignore=[
    "a trap for Israel",
])

# 2. A parliamentary session: words someone is asked about, a request's
#    object, joint subjects, and the plain tags around them.
art("parliament-questions", '''
Ministers clash over sanctions at Westminster

LONDON - Foreign Secretary David Lammy faced hostile questions in the House of Commons on Wednesday over the government's decision to delay new sanctions on Russian oil traders.

Conservative MP Priti Patel asked whether Lammy agreed that the delay sent "the wrong signal to the Kremlin at the worst possible moment." Lammy replied that the package would be "stronger for being agreed with our partners."

"We will not be rushed into measures that leak like a sieve," Lammy said. "When we act, we will act with the Americans and the Europeans together."

Liberal Democrat leader Ed Davey urged ministers to condemn the traders as "the Kremlin's bankers in the City of London" and to publish their names. Labour backbencher Emily Thornberry, who chairs the foreign affairs committee, said the committee would hold hearings in the new year.

Asked whether she thought the chancellor had described the oil trade as "a loophole we cannot close alone", Thornberry said she would not speculate about private conversations. She added: "What matters is that the loophole is closed, by whoever closes it."

Patel and Davey told reporters afterwards that the government had "lost the thread" on Russia. Downing Street said the Prime Minister retained full confidence in his foreign secretary.

"This was a good day for the opposition and a bad one for Ukraine," one Conservative whip said, speaking on condition of anonymity.

A vote on the sanctions order is expected before the Christmas recess.
''', [
    ("David Lammy", ["Lammy"], "Foreign Secretary", "United Kingdom"),
    ("Priti Patel", ["Patel"], "MP", "Conservative"),
    ("Ed Davey", ["Davey"], "leader", "Liberal Democrat"),
    ("Emily Thornberry", ["Thornberry"], "backbencher", "Labour"),
], [
    ("David Lammy", P, "stronger for being agreed with our partners."),
    ("David Lammy", P, "We will not be rushed into measures that leak like a sieve,"),
    ("David Lammy", P, "When we act, we will act with the Americans and the Europeans together."),
    ("Ed Davey", P, "the Kremlin's bankers in the City of London"),
    ("Emily Thornberry", P, "What matters is that the loophole is closed, by whoever closes it."),
    ("one Conservative whip", ANON, "This was a good day for the opposition and a bad one for Ukraine,"),
], ignore=[
    "the wrong signal to the Kremlin at the worst possible moment.",
    "a loophole we cannot close alone",
    "lost the thread",
])

# 3. Vox pop: readers' reactions signed with a dash after the quote.
art("vox-pop-signatures", '''
Voters in border towns react to the new visa rules

The new visa rules for seasonal workers, announced by the Interior Ministry on Monday, drew strong reactions in the towns along the southern border. We asked readers what the change would mean for them.

“We have hired the same families every harvest for twenty years. Now I do not know who will pick the grapes in September.” ― Marta Lindqvist, vineyard owner

“The rules are fair. Everyone should apply the same way, through the same office, and wait the same time.” ― Tomasz Wrona

“My brother crossed every summer to work in the orchards. This year he will stay home, and so will his friends.” — Ilir Basha, Shkodër

“It is a paperwork wall dressed up as policy. Small farms cannot afford a lawyer for every worker.” — Helena Sandberg, Växjö

“Nobody asked the people who actually live here what we need.” ― Rui Mendes

Interior Minister Karin Holm defended the rules in a radio interview. “Seasonal work will continue, but it will be registered and it will be paid properly,” Holm said. Her ministry said applications would open in February.

The farmers' union said it would challenge the rules in court. “We support registration, but not a system that takes four months to answer a form,” said Lena Dahl, the union's chair.

Some readers were more hopeful. “If the office really answers within a month, as the minister promised, this could even make things easier for honest employers.” ― Piotr Zielinski, Gdańsk

The ministry expects about forty thousand applications in the first season.
''', [
    ("Marta Lindqvist", [], "vineyard owner", ""),
    ("Tomasz Wrona", [], "", ""),
    ("Ilir Basha", [], "", ""),
    ("Helena Sandberg", [], "", ""),
    ("Rui Mendes", [], "", ""),
    ("Karin Holm", ["Holm"], "Interior Minister", ""),
    ("Lena Dahl", [], "chair", "farmers' union"),
    ("Piotr Zielinski", [], "", ""),
], [
    ("Marta Lindqvist", P, "We have hired the same families every harvest for twenty years. Now I do not know who will pick the grapes in September."),
    ("Tomasz Wrona", P, "The rules are fair. Everyone should apply the same way, through the same office, and wait the same time."),
    ("Ilir Basha", P, "My brother crossed every summer to work in the orchards. This year he will stay home, and so will his friends."),
    ("Helena Sandberg", P, "It is a paperwork wall dressed up as policy. Small farms cannot afford a lawyer for every worker."),
    ("Rui Mendes", P, "Nobody asked the people who actually live here what we need."),
    ("Karin Holm", P, "Seasonal work will continue, but it will be registered and it will be paid properly,"),
    ("Lena Dahl", P, "We support registration, but not a system that takes four months to answer a form,"),
    ("Piotr Zielinski", P, "If the office really answers within a month, as the minister promised, this could even make things easier for honest employers."),
])

# 4. A broadcast interview quoted as a transcript, framed by a report.
art("interview-transcript", '''
Kallas: EU will not lift sanctions before a ceasefire

EU foreign policy chief Kaja Kallas said on Sunday that the bloc would keep its sanctions on Russia in place until a ceasefire held, in an interview with the public broadcaster's weekly programme.

Speaking to presenter Martin Berg, Kallas said the union had "no reason to reward a war that is still going on."

Partial transcript as follows:

“BERG: Commissioner, some member states say the sanctions hurt Europe more than Russia. Are they wrong?

“KALLAS: They are wrong. Russia's economy is running on its war budget, and that cannot last. Our economies are growing, slowly, but they are growing.

“BERG: And if Washington lifts its own sanctions first?

“KALLAS: Then Europe will decide for itself, as it always has. We are not a branch office of anybody.

“BERG: Hungary has threatened to veto the next renewal.

“KALLAS: Hungary has threatened before, and in the end it has always agreed. I expect the same this time.

Hungarian Foreign Minister Peter Szijjarto responded on social media within the hour. "Brussels is once again deciding for Europeans without asking them," Szijjarto wrote.

A senior EU diplomat said the renewal was expected to pass in January. "Everyone knows how this ends," the diplomat said.

The sanctions, first imposed in 2014 and widened in 2022, are renewed every six months by unanimity.
''', [
    ("Kaja Kallas", ["Kallas"], "foreign policy chief", "EU"),
    ("Martin Berg", ["Berg"], "presenter", ""),
    ("Peter Szijjarto", ["Szijjarto"], "Foreign Minister", "Hungary"),
], [
    ("Kaja Kallas", P, "no reason to reward a war that is still going on."),
    ("Martin Berg", P, "Commissioner, some member states say the sanctions hurt Europe more than Russia. Are they wrong?"),
    ("Kaja Kallas", P, "They are wrong. Russia's economy is running on its war budget, and that cannot last. Our economies are growing, slowly, but they are growing."),
    ("Martin Berg", P, "And if Washington lifts its own sanctions first?"),
    ("Kaja Kallas", P, "Then Europe will decide for itself, as it always has. We are not a branch office of anybody."),
    ("Martin Berg", P, "Hungary has threatened to veto the next renewal."),
    ("Kaja Kallas", P, "Hungary has threatened before, and in the end it has always agreed. I expect the same this time."),
    ("Peter Szijjarto", P, "Brussels is once again deciding for Europeans without asking them,"),
    ("A senior EU diplomat", ANON, "Everyone knows how this ends,"),
])


def main():
    return make_fixtures.write(A, OUT)


if __name__ == "__main__":
    sys.exit(main())
