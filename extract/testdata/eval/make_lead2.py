"""Annotated articles the lead wrote and kept from the extraction work until
the end of session 1, to measure generalization (dev.jsonl conventions).
Run: python3 make_lead2.py  -> lead2.jsonl beside this script."""
import os
import json
arts = []
def add(id, text, people, quotes, ignore=()):
    arts.append(dict(id=id, source="lead-written", text=text, people=people, quotes=quotes, ignore=list(ignore)))

add("p1-ukraine-talks",
"""Zelenskyy says peace plan must include security guarantees

KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy said Sunday that any peace plan must include binding security guarantees, as European leaders gathered in London to discuss support for Kyiv.

"Without guarantees, a ceasefire is only a pause before the next invasion," Zelenskyy said in his nightly video address.

British Prime Minister Keir Starmer, who hosted the meeting, said Europe had to "step up" its defence spending. Speaking to the BBC, Starmer added that the United Kingdom was prepared to deploy troops as part of a peacekeeping force.

"This is a once-in-a-generation moment for the security of Europe," he said.

The Kremlin dismissed the talks. Kremlin spokesman Dmitry Peskov told reporters in Moscow that the presence of European troops in Ukraine would be "absolutely unacceptable".

NATO Secretary General Mark Rutte struck a more optimistic note.

"I believe we are closer to peace than we have been in three years," Rutte said. "But peace must be just and lasting. It cannot be a reward for aggression."

Polish Foreign Minister Radosław Sikorski, asked whether Warsaw would send soldiers, said: "Poland is already doing more than its share."
""",
[dict(name="Volodymyr Zelenskyy", aliases=["Zelenskyy"], role="President", affiliation="Ukraine"),
 dict(name="Keir Starmer", aliases=["Starmer"], role="Prime Minister", affiliation="United Kingdom"),
 dict(name="Dmitry Peskov", aliases=[], role="Kremlin spokesman", affiliation="Russia"),
 dict(name="Mark Rutte", aliases=["Rutte"], role="Secretary General", affiliation="NATO"),
 dict(name="Radosław Sikorski", aliases=[], role="Foreign Minister", affiliation="Poland")],
[dict(speaker="Volodymyr Zelenskyy", kind="person", text="Without guarantees, a ceasefire is only a pause before the next invasion,"),
 dict(speaker="Keir Starmer", kind="person", text="step up"),
 dict(speaker="Keir Starmer", kind="person", text="This is a once-in-a-generation moment for the security of Europe,"),
 dict(speaker="Dmitry Peskov", kind="person", text="absolutely unacceptable"),
 dict(speaker="Mark Rutte", kind="person", text="I believe we are closer to peace than we have been in three years,"),
 dict(speaker="Mark Rutte", kind="person", text="But peace must be just and lasting. It cannot be a reward for aggression."),
 dict(speaker="Radosław Sikorski", kind="person", text="Poland is already doing more than its share.")])

add("p2-india-pakistan",
"""India, Pakistan trade accusations at UN General Assembly

UNITED NATIONS — India and Pakistan traded sharp accusations at the U.N. General Assembly on Saturday, with each side accusing the other of sponsoring violence in Kashmir.

Pakistani Prime Minister Shehbaz Sharif told the assembly that India's policies in the disputed region amounted to "a systematic campaign of repression". He called on the Security Council to implement its resolutions on Kashmir.

Responding for India, diplomat Bhavika Mangalanandan used her right of reply to reject the speech as "a travesty".

"A country run by its military, with a global reputation for terrorism, has the audacity to attack the world's largest democracy," she said.

Indian External Affairs Minister S. Jaishankar, who addressed the assembly later in the day, did not mention Pakistan by name. But he warned that "cross-border terrorism will invite consequences".

According to a Pakistani official who spoke on condition of anonymity, Islamabad had expected the exchange. "It is the same script every year," the official said.

U.N. Secretary-General António Guterres urged both countries to show restraint. His spokesman, Stéphane Dujarric, said the secretary-general was "following the situation closely".
""",
[dict(name="Shehbaz Sharif", aliases=["Sharif"], role="Prime Minister", affiliation="Pakistan"),
 dict(name="Bhavika Mangalanandan", aliases=[], role="diplomat", affiliation="India"),
 dict(name="S. Jaishankar", aliases=["Jaishankar"], role="External Affairs Minister", affiliation="India"),
 dict(name="António Guterres", aliases=["Guterres"], role="Secretary-General", affiliation="United Nations"),
 dict(name="Stéphane Dujarric", aliases=["Dujarric"], role="spokesman", affiliation="United Nations")],
[dict(speaker="Shehbaz Sharif", kind="person", text="a systematic campaign of repression"),
 dict(speaker="Bhavika Mangalanandan", kind="person", text="a travesty"),
 dict(speaker="Bhavika Mangalanandan", kind="person", text="A country run by its military, with a global reputation for terrorism, has the audacity to attack the world's largest democracy,"),
 dict(speaker="S. Jaishankar", kind="person", text="cross-border terrorism will invite consequences"),
 dict(speaker="a Pakistani official", kind="anonymous", text="It is the same script every year,"),
 dict(speaker="Stéphane Dujarric", kind="person", text="following the situation closely")])

add("p3-mideast",
"""Egypt hosts new round of Gaza talks

CAIRO — Egyptian mediators hosted a new round of talks on Monday aimed at extending the Gaza ceasefire, officials said, as aid agencies warned of worsening conditions in the enclave.

Egypt's Foreign Minister Badr Abdelatty said the talks were at a "critical juncture".

"We are working day and night with our Qatari and American partners," Abdelatty said in a televised interview. "The alternative to an agreement is a return to war, and nobody wants that."

Israeli Prime Minister Benjamin Netanyahu's office said in a statement that a delegation had travelled to Cairo "with a clear mandate". It gave no further details.

Hamas official Bassem Naim told Reuters the group was "ready for a comprehensive deal" but accused Israel of stalling.

Philippe Lazzarini, commissioner-general of UNRWA, the U.N. agency for Palestinian refugees, said families in northern Gaza were surviving on one meal a day.

"Children are dying of hunger and disease. This is a man-made catastrophe, and it can be stopped tomorrow," Lazzarini wrote on X.

"We need every crossing open, and we need it now," he added.
""",
[dict(name="Badr Abdelatty", aliases=["Abdelatty"], role="Foreign Minister", affiliation="Egypt"),
 dict(name="Benjamin Netanyahu", aliases=[], role="Prime Minister", affiliation="Israel"),
 dict(name="Bassem Naim", aliases=[], role="Hamas official", affiliation="Hamas"),
 dict(name="Philippe Lazzarini", aliases=["Lazzarini"], role="commissioner-general", affiliation="UNRWA")],
[dict(speaker="Badr Abdelatty", kind="person", text="critical juncture"),
 dict(speaker="Badr Abdelatty", kind="person", text="We are working day and night with our Qatari and American partners,"),
 dict(speaker="Badr Abdelatty", kind="person", text="The alternative to an agreement is a return to war, and nobody wants that."),
 dict(speaker="Israeli Prime Minister Benjamin Netanyahu's office", kind="organization", text="with a clear mandate"),
 dict(speaker="Bassem Naim", kind="person", text="ready for a comprehensive deal"),
 dict(speaker="Philippe Lazzarini", kind="person", text="Children are dying of hunger and disease. This is a man-made catastrophe, and it can be stopped tomorrow,"),
 dict(speaker="Philippe Lazzarini", kind="person", text="We need every crossing open, and we need it now,")])

add("p4-multipara",
"""Brazil's Lula pushes for reform of global institutions

BRASÍLIA — Brazilian President Luiz Inácio Lula da Silva on Thursday renewed his call for a reform of the United Nations Security Council, saying the body no longer reflected the world of the 21st century.

In a speech to foreign ambassadors, Lula said:

"The Security Council was designed by the winners of a war that ended eighty years ago. It cannot keep deciding the fate of billions of people who had no say in its creation.

"Brazil does not want privileges. We want a seat at the table where decisions about peace and war are taken."

Foreign Minister Mauro Vieira later told journalists that Brazil would raise the issue at the next BRICS summit. He described the current council as "paralysed".

Mexico's ambassador in Brasília, who attended the speech, said Latin America largely shared Lula's view. Diplomats from several European countries were more reserved.

"Everyone agrees the council must change. Nobody agrees how," a European ambassador said.
""",
[dict(name="Luiz Inácio Lula da Silva", aliases=["Lula"], role="President", affiliation="Brazil"),
 dict(name="Mauro Vieira", aliases=[], role="Foreign Minister", affiliation="Brazil")],
[dict(speaker="Luiz Inácio Lula da Silva", kind="person", text="The Security Council was designed by the winners of a war that ended eighty years ago. It cannot keep deciding the fate of billions of people who had no say in its creation."),
 dict(speaker="Luiz Inácio Lula da Silva", kind="person", text="Brazil does not want privileges. We want a seat at the table where decisions about peace and war are taken."),
 dict(speaker="Mauro Vieira", kind="person", text="paralysed"),
 dict(speaker="a European ambassador", kind="anonymous", text="Everyone agrees the council must change. Nobody agrees how,")])

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lead2.jsonl"),"w") as f:
    for a in arts: f.write(json.dumps(a, ensure_ascii=False)+"\n")
print(len(arts))
