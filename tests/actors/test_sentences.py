"""Actor resolution on sentences written for these tests: titles, appositives, demonyms, IGOs,
pronouns, role nouns and NER corrections. Each case is (text, expected checks)."""
from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.record import Document


def _index(nlp, text: str):
    return find_actors(nlp(text), document=Document(id="t", text=text))


def _by_name(index, name):
    return next((a for a in index.actors if a.name == name), None)


def _nth(text: str, needle: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


CASES = [
    # titles before a name
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow.",
     [("actor", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("role", "Vladimir Putin", "Russian President"),
      ("actor", "Xi Jinping", "PERSON", "CHN", "GOV"), ("role", "Xi Jinping", "Chinese President")]),
    ("Secretary of State Marco Rubio spoke with Foreign Minister Sergei Lavrov by phone.",
     [("role", "Marco Rubio", "Secretary of State"), ("actor", "Sergei Lavrov", "PERSON", "RUS", "GOV"),
      ("role", "Sergei Lavrov", "Foreign Minister")]),
    ("Ukraine's President Volodymyr Zelensky thanked the European Union for its support.",
     [("actor", "Volodymyr Zelensky", "PERSON", "UKR", "GOV"), ("role", "Volodymyr Zelensky", "Ukraine's President"),
      ("actor", "European Union", "IGO", None, "IGO"), ("link", "its", 1, "European Union")]),
    ("Kremlin spokesman Dmitry Peskov rejected the proposal on Monday.",
     [("actor", "Dmitry Peskov", "PERSON", "RUS", "GOV"), ("role", "Dmitry Peskov", "Kremlin spokesman")]),
    ("Norwegian Foreign Minister Lars Halvorsen warned that the talks could collapse.",
     [("actor", "Lars Halvorsen", "PERSON", "NOR", "GOV"), ("role", "Lars Halvorsen", "Norwegian Foreign Minister")]),
    ("Former President Barack Obama criticized the plan in a speech.",
     [("actor", "Barack Obama", "PERSON", "USA", "ELI"), ("role", "Barack Obama", "Former President")]),
    # appositives
    ("Jane Holloway, the British ambassador, said the talks were useful. She left on Friday.",
     [("actor", "Jane Holloway", "PERSON", "GBR", "GOV"), ("role", "Jane Holloway", "the British ambassador"),
      ("link", "She", 1, "Jane Holloway")]),
    ("Poland's prime minister, Donald Tusk, met the other leaders in Warsaw.",
     [("actor", "Donald Tusk", "PERSON", "POL", "GOV"), ("role", "Donald Tusk", "Poland's prime minister"),
      ("link", "Poland's prime minister", 1, "Donald Tusk")]),
    ("Officials in Chile welcomed the deal. The country's foreign minister, Ana Ruiz, called it fair.",
     [("actor", "Ana Ruiz", "PERSON", "CHL", "GOV"), ("role", "Ana Ruiz", "The country's foreign minister")]),
    # demonym phrases and groups
    ("Israeli troops entered the town after Hamas fighters withdrew.",
     [("actor", "Israeli troops", "GROUP", "ISR", "MIL"), ("actor", "Hamas", "GROUP", "PSE", "REB")]),
    ("Syrian rebels clashed with soldiers near the border.",
     [("actor", "Syrian rebels", "GROUP", "SYR", "REB")]),
    ("Turkish police detained dozens of people in Istanbul.",
     [("actor", "Turkish police", "GROUP", "TUR", "COP")]),
    ("The Iranian government denied the report, and Iranian state media repeated the denial.",
     [("actor", "Iranian government", "ORG", "IRN", "GOV"), ("actor", "Iranian state media", "GROUP", "IRN", "JRN")]),
    ("Iranian officials met Iraqi leaders, and the Iranian ambassador said the talks went well.",
     [("link", "Iranian ambassador", 1, "Iranian ambassador"), ("actor", "Iranian ambassador", "PERSON", "IRN", "GOV"),
      ("actor", "Iranian officials", "GROUP", "IRN", "GOV")]),
    ("Insurgents attacked a checkpoint, and the rebels from Sudan later withdrew.",
     [("actor", "Insurgents", "GROUP", None, "REB"), ("actor", "rebels", "GROUP", "SDN", "REB")]),
    ("Ukrainian drones hit a depot, and the Ukrainian membership bid stalled; pro-Russia rebels in Moldova cheered.",
     [("link", "Ukrainian", 1, "Ukraine"), ("actor", "pro-Russia rebels", "GROUP", "MDA", "REB")]),
    ("U.S. forces struck targets in Yemen after the Houthis fired missiles at ships.",
     [("actor", "U.S. forces", "GROUP", "USA", "MIL"), ("actor", "Houthis", "GROUP", "YEM", "REB"),
      ("actor", "Yemen", "COUNTRY", "YEM", None)]),
    # IGOs and known organisations
    ("The OSCE and the African Union sent observers to the election.",
     [("actor", "Organization for Security and Co-operation in Europe", "IGO", None, "IGO"),
      ("actor", "African Union", "IGO", None, "IGO")]),
    ("NATO will hold its summit in July. The alliance now has 32 members.",
     [("actor", "NATO", "IGO", None, "IGO"), ("link", "The alliance", 1, "NATO")]),
    ("Wagner fighters left Mali, and the Taliban said they would host talks.",
     [("actor", "Wagner Group", "GROUP", "RUS", "PRM"), ("actor", "Taliban", "GROUP", "AFG", "REB"),
      ("link", "they", 1, "Taliban")]),
    # pronouns: gender, number, salience, quotes
    ("Maria Lopez met Tom Becker in Geneva. She said the meeting was productive.",
     [("link", "She", 1, "Maria Lopez")]),
    ("Maria Lopez met Tom Becker in Geneva. He said the meeting was productive.",
     [("link", "He", 1, "Tom Becker")]),
    ("Anna Novak said she would resign after the vote.",
     [("link", "she", 1, "Anna Novak")]),
    ("Prime Minister Keir Starmer addressed parliament on Monday.\n“He has our full support,” John Healey said.",
     [("link", "He", 1, "Keir Starmer"), ("actor", "Keir Starmer", "PERSON", "GBR", "GOV")]),
    ("Finnish President Alexander Stubb said his country would never accept the demand.",
     [("link", "his", 1, "Alexander Stubb"), ("link", "his country", 1, "Finland")]),
    # role nouns
    ("Defense Minister Boris Pistorius visited Kyiv. The minister promised more air defense.",
     [("link", "The minister", 1, "Boris Pistorius"), ("actor", "Boris Pistorius", "PERSON", "DEU", "GOV")]),
    ("The Lithuanian Defense Ministry issued a statement. The ministry said the drills would continue.",
     [("actor", "Lithuanian Defense Ministry", "ORG", "LTU", "GOV"), ("link", "The ministry", 1, "Lithuanian Defense Ministry")]),
    ("President Volodymyr Zelensky spoke in Kyiv. Later the Ukrainian president flew to Paris.",
     [("link", "the Ukrainian president", 1, "Volodymyr Zelensky"), ("none", "Ukrainian president")]),
    ("Finnish Defense Minister Antti Häkkänen urged European allies to act.",
     [("link", "European", 1, "Europe"), ("actor", "Antti Häkkänen", "PERSON", "FIN", "GOV")]),
    ("A senior official said the talks had stalled. The official added that a deal was still possible.",
     [("actor", "senior official", "PERSON", None, "GOV"), ("link", "The official", 1, "senior official")]),
    ("Governor Mike Pence spoke in Ohio. The Indiana governor said the plan was sound.",
     [("link", "The Indiana governor", 1, "Mike Pence")]),
    ("WALLACE: Will you answer? PENCE: I will. Chris Wallace and Mike Pence then moved on.",
     [("link", "PENCE", 1, "Mike Pence"), ("link", "WALLACE", 1, "Chris Wallace")]),
    ("Voters in the city liked Hegseth. Pete Hegseth later said so.",
     [("link", "Hegseth", 1, "Pete Hegseth")]),
    ("Somali rebel leaders rejected the offer, and police officials in Kenya stayed silent.",
     [("actor", "Somali rebel leaders", "GROUP", "SOM", "REB"), ("actor", "police officials", "GROUP", "KEN", "COP")]),
    ("Hamas commander Omar Haddad was wounded, while Libyan leader Salem Mansour urged calm.",
     [("actor", "Omar Haddad", "PERSON", "PSE", "REB"), ("actor", "Salem Mansour", "PERSON", "LBY", "GOV")]),
    ("Queen Amira Haddad of Jordan met Ousted President Lena Moravec in Vienna.",
     [("actor", "Amira Haddad", "PERSON", "JOR", "GOV"), ("actor", "Lena Moravec", "PERSON", None, "ELI")]),
    ("Russian troops shelled the Crimean Peninsula, and the Asian Monetary Community criticised the attack.",
     [("link", "Crimean Peninsula", 1, "Ukraine"), ("actor", "Asian Monetary Community", "IGO", None, "IGO")]),
    ("Floods hit Peru this week. The government declared an emergency in three regions.",
     [("link", "The government", 1, "Peru government"), ("actor", "Peru government", "ORG", "PER", "GOV")]),
    ("Critics of the Obama administration met officials of the United Nations Development Programme.",
     [("actor", "Obama administration", "ORG", "USA", "GOV"),
      ("actor", "United Nations Development Programme", "IGO", None, "IGO")]),
    ("The European Union urged Moscow to release the sailors, and the president of Armenia agreed.",
     [("link", "Moscow", 1, "Russia government"), ("actor", "president", "PERSON", "ARM", "GOV")]),
    # a visited capital stands for the host country (PLOVER: the host is the recipient of a visit)
    ("Delegates visited Moscow before the Patriotic Salvation Front rejected the offer.",
     [("link", "Moscow", 1, "Russia"), ("actor", "Patriotic Salvation Front", "ORG", None, "REB")]),
    ("Farmers from three provinces held a rally in Nairobi on Friday.", [("link", "Nairobi", 1, "Kenya")]),
    # a capital as a metonym is the country's government (PLOVER sector GOV)
    ("Nairobi accused Kampala of stalling.", [("actor", "Kenya government", "ORG", "KEN", "GOV"),
                                              ("actor", "Uganda government", "ORG", "UGA", "GOV")]),
    ("The Moscow-based lender closed early.", [("none", "Russia")]),
    ("The Paris attacks shocked Europe.", [("none", "France")]),   # where, not who
    ("The delegates will attend the Beijing Olympics.", [("link", "Beijing", 1, "China")]),  # inside an EVENT
    # plain modifiers between a demonym and its group noun
    ("Irish nationalist guerrillas crossed the border.",
     [("actor", "Irish nationalist guerrillas", "GROUP", "IRL", "REB")]),
    ("The Bush administration demanded that Iraq disarm.", [("actor", "Bush administration", "ORG", "USA", "GOV")]),
    ("Nigerian junior foreign minister Dubem Oniya left.", [("actor", "Dubem Oniya", "PERSON", "NGA", "GOV")]),
    ("Vietnamese-led forces shelled the camps.", [("actor", "Vietnamese-led forces", "GROUP", "VNM", "MIL")]),
    ("US-backed rebels shelled the camps.", [("actor", "rebels", "GROUP", None, "REB")]),
    ("Seven opposition parties in Nepal called a strike.", [("actor", "opposition", "GROUP", "NPL", "OPP")]),
    ("Gaza militants fired rockets.", [("actor", "Gaza militants", "GROUP", "PSE", "REB")]),   # a region standing for its country
    # a group noun placed in a capital or a geocoded town takes that country
    ("Police in Nairobi detained two journalists.", [("actor", "Police", "GROUP", "KEN", "COP")]),
    # a surname too common to link alone, after a title: the namesake in office that year, else the country
    ("President Bush flew to the summit.", [("actor", "Bush", "PERSON", "USA", "GOV")]),
    ("The newspaper said Bush flew to the summit.", [("none", "George W. Bush")]),
    ("President obama flew to the summit.", [("actor", "Barack Obama", "PERSON", "USA", "GOV")]),
    ("President Michel Suleiman received the envoy.", [("actor", "Michel Suleiman", "PERSON", "LBN", "GOV")]),
    ("The may be a summit.", [("none", "Theresa May")]),
    # an organisation owned by a country: "Egypt's Muslim Brotherhood" → EGY
    ("Jordan's Islamic Action Front boycotted the vote.", [("actor", "Islamic Action Front", "ORG", "JOR", "REB")]),
    ("Michelle Obama spoke first, then Barack Obama arrived. Later Mr. Obama thanked Mrs. Obama.",
     [("link", "Obama", 3, "Barack Obama"), ("link", "Obama", 4, "Michelle Obama")]),
    ("Tulsa police released a video, and Connecticut's tax commissioner said the audit would continue.",
     [("actor", "Tulsa police", "GROUP", None, "COP"), ("actor", "Connecticut's tax commissioner", "PERSON", None, "GOV")]),
    # NER corrections
    ("The United States imposed new sanctions on Belarus.",
     [("actor", "United States", "COUNTRY", "USA", None), ("actor", "Belarus", "COUNTRY", "BLR", None)]),
    ("Ukrainian drones hit a refinery, officials in Kyiv said.",
     [("link", "Ukrainian", 1, "Ukraine"), ("none", "Ukrainian"), ("none", "Kyiv")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_actor_sentences(nlp, text, expected):
    index = _index(nlp, text)
    for check in expected:
        if check[0] == "actor":
            _, name, kind, country, sector = check
            a = _by_name(index, name)
            assert a is not None, f"no actor {name}: {[x.name for x in index.actors]}"
            assert (a.kind, a.country, a.sector) == (kind, country, sector)
        elif check[0] == "role":
            a = _by_name(index, check[1])
            assert a is not None and check[2] in [r.text for r in a.roles], a
        elif check[0] == "link":
            _, mention, n, name = check
            span = _nth(text, mention, n)
            owners = [a.name for a in index.actors for m in a.mentions if tuple(m.span) == span]
            assert owners == [name], f"{mention!r} → {owners}"
        elif check[0] == "none":
            assert _by_name(index, check[1]) is None
