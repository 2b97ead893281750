"""Annotated articles the lead wrote and kept from the extraction work until
the end of session 1, to measure generalization (dev.jsonl conventions).
Run: python3 make_lead1.py  -> lead1.jsonl beside this script."""
import os
import json
arts = []
def add(id, text, people, quotes, ignore=()):
    arts.append(dict(id=id, source="lead-written", text=text, people=people, quotes=quotes, ignore=list(ignore)))

add("h1-turkey-greece",
"""Turkey and Greece agree to reopen talks on maritime dispute

ANKARA, March 3 (Reuters) - Turkey and Greece agreed on Tuesday to resume exploratory talks on their maritime boundaries after a four-year pause, Turkish Foreign Minister Mevlüt Çavuşoğlu said after meeting his Greek counterpart Nikos Dendias in Ankara.

"We have decided to leave the rhetoric aside and sit at the table again," Çavuşoğlu told a joint news conference. "There is no problem between our two peoples that cannot be solved through dialogue."

Dendias was more cautious. He said Athens would "judge Ankara by its actions, not its words" and warned that any new drilling in disputed waters would end the process.

"Greece wants good neighbourly relations, but we will not negotiate our sovereignty," the Greek minister said.

A senior European Union official, who asked not to be named, said Brussels had pushed both sides for months. "This is the first good news from the eastern Mediterranean in a long time," the official said.

The talks will be held in Istanbul in April, according to a statement from the Greek foreign ministry, which called the meeting "a positive first step".

U.S. Under Secretary of State for Political Affairs Thomas A. Shannon Jr. welcomed the announcement on Twitter, writing that Washington "stands ready to support" both NATO allies.
""",
[dict(name="Mevlüt Çavuşoğlu", aliases=["Çavuşoğlu"], role="Foreign Minister", affiliation="Turkey"),
 dict(name="Nikos Dendias", aliases=["Dendias"], role="counterpart", affiliation="Greece"),
 dict(name="Thomas A. Shannon Jr.", aliases=[], role="Under Secretary of State for Political Affairs", affiliation="United States")],
[dict(speaker="Mevlüt Çavuşoğlu", kind="person", text="We have decided to leave the rhetoric aside and sit at the table again,"),
 dict(speaker="Mevlüt Çavuşoğlu", kind="person", text="There is no problem between our two peoples that cannot be solved through dialogue."),
 dict(speaker="Nikos Dendias", kind="person", text="judge Ankara by its actions, not its words"),
 dict(speaker="Nikos Dendias", kind="person", text="Greece wants good neighbourly relations, but we will not negotiate our sovereignty,"),
 dict(speaker="A senior European Union official", kind="anonymous", text="This is the first good news from the eastern Mediterranean in a long time,"),
 dict(speaker="the Greek foreign ministry", kind="organization", text="a positive first step"),
 dict(speaker="Thomas A. Shannon Jr.", kind="person", text="stands ready to support")])

add("h2-china-eu",
"""China warns EU over tariffs as Kallas visits Beijing

BEIJING — China on Wednesday warned the European Union that new tariffs on electric vehicles would "seriously damage" trade ties, as EU foreign policy chief Kaja Kallas began a two-day visit to Beijing.

Chinese Foreign Ministry spokesperson Mao Ning told a regular briefing that Beijing would take "all necessary measures" to protect the rights of Chinese companies.

“Protectionism harms others and harms oneself,” Mao said. “We urge the European side to return to the right track of dialogue and consultation.”

Kallas, a former prime minister of Estonia, met Foreign Minister Wang Yi for more than three hours. According to an EU statement, she raised China's support for Russia's war in Ukraine and the situation in the Taiwan Strait.

“I was very clear that China's support for Russia's war machine has consequences for our relationship,” Kallas told reporters after the meeting. “We don't want decoupling, but we cannot be naive either.”

Wang said relations should not be "held hostage" by third parties, China's official Xinhua news agency reported.

An Asian diplomat in Beijing said the visit had been “frosty but useful”.
""",
[dict(name="Kaja Kallas", aliases=["Kallas"], role="foreign policy chief", affiliation="European Union"),
 dict(name="Mao Ning", aliases=["Mao"], role="Foreign Ministry spokesperson", affiliation="China"),
 dict(name="Wang Yi", aliases=["Wang"], role="Foreign Minister", affiliation="China")],
[dict(speaker="China", kind="organization", text="seriously damage"),
 dict(speaker="Mao Ning", kind="person", text="all necessary measures"),
 dict(speaker="Mao Ning", kind="person", text="Protectionism harms others and harms oneself,"),
 dict(speaker="Mao Ning", kind="person", text="We urge the European side to return to the right track of dialogue and consultation."),
 dict(speaker="Kaja Kallas", kind="person", text="I was very clear that China's support for Russia's war machine has consequences for our relationship,"),
 dict(speaker="Kaja Kallas", kind="person", text="We don't want decoupling, but we cannot be naive either."),
 dict(speaker="Wang Yi", kind="person", text="held hostage"),
 dict(speaker="An Asian diplomat in Beijing", kind="anonymous", text="frosty but useful")])

add("h3-un-sudan",
"""UN envoy calls for humanitarian truce in Sudan

NEW YORK, June 12 — The United Nations special envoy for Sudan, Ramtane Lamamra, urged the warring parties on Thursday to agree to a humanitarian truce in El Fasher, where hundreds of thousands of civilians are trapped.

Briefing the Security Council, Lamamra said the city was "on the brink of catastrophe". He added: "Every day without a ceasefire costs lives that could be saved. I appeal to both generals to put the interests of the Sudanese people first."

The U.N. humanitarian chief, Tom Fletcher, told the council that aid convoys had been blocked for six weeks.

"We have trucks ready at the border. What we do not have is the permission to move," Fletcher said.

Sudan's ambassador to the United Nations, Al-Harith Idriss Al-Harith Mohamed, rejected the criticism. "The government has opened every crossing that was requested," he said.

In a statement, the Rapid Support Forces said they were "committed to the protection of civilians", a claim rights groups dispute.

Linda Thomas-Greenfield, the U.S. ambassador to the United Nations, said Washington was preparing new sanctions. "The world is watching," she said. "Those responsible for these atrocities will be held to account."
""",
[dict(name="Ramtane Lamamra", aliases=["Lamamra"], role="special envoy for Sudan", affiliation="United Nations"),
 dict(name="Tom Fletcher", aliases=["Fletcher"], role="humanitarian chief", affiliation="United Nations"),
 dict(name="Al-Harith Idriss Al-Harith Mohamed", aliases=[], role="ambassador to the United Nations", affiliation="Sudan"),
 dict(name="Linda Thomas-Greenfield", aliases=[], role="ambassador to the United Nations", affiliation="United States")],
[dict(speaker="Ramtane Lamamra", kind="person", text="on the brink of catastrophe"),
 dict(speaker="Ramtane Lamamra", kind="person", text="Every day without a ceasefire costs lives that could be saved. I appeal to both generals to put the interests of the Sudanese people first."),
 dict(speaker="Tom Fletcher", kind="person", text="We have trucks ready at the border. What we do not have is the permission to move,"),
 dict(speaker="Al-Harith Idriss Al-Harith Mohamed", kind="person", text="The government has opened every crossing that was requested,"),
 dict(speaker="the Rapid Support Forces", kind="organization", text="committed to the protection of civilians"),
 dict(speaker="Linda Thomas-Greenfield", kind="person", text="The world is watching,"),
 dict(speaker="Linda Thomas-Greenfield", kind="person", text="Those responsible for these atrocities will be held to account.")])

add("h4-france-africa",
"""Macron defends Africa policy in Nairobi speech

NAIROBI (AFP) — French President Emmanuel Macron on Friday defended his country's changing role in Africa, telling students in Nairobi that « the era of French interference is over ».

« We are not here to give lessons, we are here to build partnerships », Macron said at the University of Nairobi. « France has made mistakes. I have said it and I say it again. »

Kenyan President William Ruto, who hosted the French leader, praised what he called a new tone. Ruto said Africa wanted "partners, not patrons".

But opposition leader Raila Odinga was sceptical. "Speeches are cheap," he told the Daily Nation newspaper. "We will see what France does about debt relief."

Macron's adviser for Africa, Jérémie Robert, said the trip would be followed by an investment conference in Paris in the autumn.

"The president wants results that people can see in their daily lives," Robert said.
""",
[dict(name="Emmanuel Macron", aliases=["Macron"], role="President", affiliation="France"),
 dict(name="William Ruto", aliases=["Ruto"], role="President", affiliation="Kenya"),
 dict(name="Raila Odinga", aliases=[], role="opposition leader", affiliation=""),
 dict(name="Jérémie Robert", aliases=["Robert"], role="adviser for Africa", affiliation="")],
[dict(speaker="Emmanuel Macron", kind="person", text="the era of French interference is over"),
 dict(speaker="Emmanuel Macron", kind="person", text="We are not here to give lessons, we are here to build partnerships"),
 dict(speaker="Emmanuel Macron", kind="person", text="France has made mistakes. I have said it and I say it again."),
 dict(speaker="William Ruto", kind="person", text="partners, not patrons"),
 dict(speaker="Raila Odinga", kind="person", text="Speeches are cheap,"),
 dict(speaker="Raila Odinga", kind="person", text="We will see what France does about debt relief."),
 dict(speaker="Jérémie Robert", kind="person", text="The president wants results that people can see in their daily lives,")])

add("h5-iran-iaea",
"""IAEA chief says Iran inspections 'at a standstill'

VIENNA — The head of the International Atomic Energy Agency, Rafael Grossi, said on Monday that inspections in Iran were at a standstill and that the agency had lost "continuity of knowledge" about parts of Tehran's nuclear programme.

"It is a very serious situation," Grossi told a news conference at the agency's headquarters. "We do not know where some of the centrifuges are."

He said he had written to Iranian Foreign Minister Abbas Araghchi asking for an urgent meeting.

"I have not had a reply yet," Grossi said, adding that he remained hopeful.

Araghchi, in a post on X, said Iran had "fully cooperated" with the agency and accused Western governments of using the IAEA as a political tool.

"The door to diplomacy remains open, but it is not a revolving door," he wrote.

Western diplomats said the agency's board of governors could vote on a censure resolution as early as next week. One diplomat said such a vote was "likely but not certain".

Russia's envoy to international organisations in Vienna, Mikhail Ulyanov, called the draft resolution "counterproductive and dangerous".

"It is a very serious situation" has become a familiar refrain at the agency's quarterly meetings.
""",
[dict(name="Rafael Grossi", aliases=["Grossi"], role="head", affiliation="International Atomic Energy Agency"),
 dict(name="Abbas Araghchi", aliases=["Araghchi"], role="Foreign Minister", affiliation="Iran"),
 dict(name="Mikhail Ulyanov", aliases=[], role="envoy to international organisations in Vienna", affiliation="Russia")],
[dict(speaker="Rafael Grossi", kind="person", text="continuity of knowledge"),
 dict(speaker="Rafael Grossi", kind="person", text="It is a very serious situation,"),
 dict(speaker="Rafael Grossi", kind="person", text="We do not know where some of the centrifuges are."),
 dict(speaker="Rafael Grossi", kind="person", text="I have not had a reply yet,"),
 dict(speaker="Abbas Araghchi", kind="person", text="fully cooperated"),
 dict(speaker="Abbas Araghchi", kind="person", text="The door to diplomacy remains open, but it is not a revolving door,"),
 dict(speaker="One diplomat", kind="anonymous", text="likely but not certain"),
 dict(speaker="Mikhail Ulyanov", kind="person", text="counterproductive and dangerous")])

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lead1.jsonl"),"w") as f:
    for a in arts: f.write(json.dumps(a, ensure_ascii=False)+"\n")
print(len(arts))
