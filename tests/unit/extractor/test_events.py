"""Table-driven tests of whole sentences: modality, actors in their roles, background dates and event codes.

Each row is a sentence as news writes it and the events a careful reader finds in it (the fields named must
match; fields not named are not checked). An empty list means: no event at all.
"""

from datetime import UTC, datetime
from typing import Any

import pytest

from schemas import Event
from services.extractor.extract import extract_events


def run(text: str, published: str = "2022-09-14") -> list[Event]:
    day = datetime.fromisoformat(published).replace(hour=12, tzinfo=UTC)
    return extract_events(text, published_at=day, article_id="art_test")


def check(text: str, expected: list[dict[str, Any]], published: str = "2022-09-14") -> None:
    views = [event.gold_view() for event in run(text, published)]
    assert len(views) == len(expected), views
    for want in expected:
        assert any(all(view.get(k) == v for k, v in want.items()) for view in views), (want, views)


MODALITY = [
    # announced vs held
    (
        "Xi Jinping will meet Vladimir Putin in Samarkand next week.",
        [
            {
                "type": "meeting_announced",
                "actors": ["CHN", "RUS"],
                "location": "Samarkand",
                "date": "2022-09",
            }
        ],
    ),
    (
        "Indian Prime Minister Narendra Modi is expected to visit Moscow in July.",
        [
            {
                "type": "meeting_announced",
                "actors": ["IND", "RUS"],
                "location": "Moscow",
                "date": "2023-07",
            }
        ],
    ),
    (
        "Erdogan plans to hold talks with Putin in Sochi on Friday.",
        [{"type": "meeting_announced", "actors": ["RUS", "TUR"], "date": "2022-09-16"}],
    ),
    (
        "Xi and Putin met in Samarkand on Thursday.",
        [
            {
                "type": "meeting_held",
                "actors": ["CHN", "RUS"],
                "date": "2022-09-08",
                "format": "in_person",
            }
        ],
    ),
    (
        "Wang Yi held talks with Sergei Lavrov in Beijing on Monday.",
        [
            {
                "type": "meeting_held",
                "actors": ["CHN", "RUS"],
                "location": "Beijing",
                "date": "2022-09-12",
            }
        ],
    ),
    (
        "Biden and Xi spoke by phone on Tuesday.",
        [
            {
                "type": "meeting_held",
                "actors": ["CHN", "USA"],
                "format": "call",
                "date": "2022-09-13",
            }
        ],
    ),
    (
        "Putin and Modi held a video conference on Monday.",
        [{"type": "meeting_held", "actors": ["IND", "RUS"], "format": "video"}],
    ),
    # hypotheticals, conditionals and negations are not facts
    ("Beijing would likely face sanctions if it helped Moscow evade them, analysts said.", []),
    ("Japan did not sign the agreement with South Korea.", []),
    ("The summit between Xi and Putin was cancelled.", []),
    ("Scott Morrison's office denied a report that he planned to meet Li Keqiang in Rome.", []),
    (
        "If Russia invades Ukraine, the U.S. and Europe could impose sanctions on Moscow.",
        [{"type": "sanctions_threatened", "by": ["EU", "USA"], "target": ["RUS"]}],
    ),
    # planned drills are not drills held
    (
        "The leaders pledged to hold joint military exercises every year with Japan and South Korea.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODALITY)
def test_modality(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


SANCTIONS = [
    (
        "The European Union on Monday imposed sanctions on four Chinese officials over abuses in Xinjiang.",
        [{"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"], "date": "2022-09-12"}],
    ),
    (
        "China responded by sanctioning ten European lawmakers.",
        [{"type": "sanctions_imposed", "by": ["CHN"], "target": ["EU"]}],
    ),
    (
        "The U.S. Commerce Department added 28 Chinese entities to its entity list on Friday.",
        [{"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"]}],
    ),
    (
        "China banned all seafood imports from Japan on Thursday.",
        [{"type": "sanctions_imposed", "by": ["CHN"], "target": ["JPN"]}],
    ),
    (
        "Washington raised tariffs on $200 billion of Chinese goods to 25% from 10%.",
        [{"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"]}],
    ),
    (
        "Russia has faced increasing U.S. and European Union sanctions over Crimea.",
        [{"type": "sanctions_imposed", "by": ["EU", "USA"], "target": ["RUS"]}],
    ),
    (
        "China will impose anti-dumping duties on Australian wine from Saturday, the ministry said.",
        [{"type": "sanctions_imposed", "by": ["CHN"], "target": ["AUS"]}],
    ),
    (
        "Beijing warned that London would face consequences.",
        [{"type": "sanctions_threatened", "by": ["CHN"], "target": ["GBR"]}],
    ),
    (
        "The EU leaders warned Beijing against helping Russia evade sanctions.",
        [{"type": "sanctions_threatened", "by": ["EU"], "target": ["CHN"]}],
    ),
    (
        "Beijing has criticised Western sanctions imposed on Russia.",
        [],
    ),  # the critic is not the imposer
    ("The EU lifted sanctions on Belarusian potash.", []),
    (
        "India and Russia signed the deal despite the threat of U.S. sanctions.",  # a backdrop, not a new warning
        [{"type": "agreement_signed", "actors": ["IND", "RUS"]}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SANCTIONS)
def test_sanctions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


TRADE_AND_DEALS = [
    (
        "China and Russia agreed to boost bilateral trade to $250 billion by 2024.",
        [
            {
                "type": "trade_target",
                "actors": ["CHN", "RUS"],
                "value_usd": 250e9,
                "target_year": 2024,
            }
        ],
    ),
    (
        "Iran and Russia agreed to lift their annual trade target from $5 billion to $10 billion.",
        [{"type": "trade_target", "value_usd": 10e9, "previous_value_usd": 5e9}],
    ),
    (
        "Trade between China and Russia rose 3.4% to $110.79 billion in 2019.",
        [
            {
                "type": "trade_volume",
                "actors": ["CHN", "RUS"],
                "value_usd": 110.79e9,
                "period": "2019",
                "change_pct": 3.4,
                "flow": "total",
            }
        ],
    ),
    (
        "South Korea's exports to China fell 19.9% to $124.8 billion last year.",
        [
            {
                "type": "trade_volume",
                "flow": "exports",
                "reporter": "KOR",
                "change_pct": -19.9,
                "period": "2021",
            }
        ],
    ),
    ("China's global exports rose 7% to a record $3.6 trillion.", []),  # not bilateral
    (
        "The EU's trade deficit with China widened to 400 billion euros.",
        [],
    ),  # a deficit is no trade figure
    (
        "Gazprom and CNPC signed a 30-year gas supply contract worth $400 billion.",
        [
            {
                "type": "agreement_signed",
                "actors": ["CHN", "RUS"],
                "domain": "energy",
                "value_usd": 400e9,
            }
        ],
    ),
    (
        "Brazil and China reached a deal to trade in their own currencies, ditching the U.S. dollar.",
        [{"type": "agreement_signed", "actors": ["BRA", "CHN"], "domain": "finance"}],
    ),
    (
        "India signed a deal with France to buy 26 jets worth 630 billion rupees ($7.4 billion).",
        [{"type": "agreement_signed", "actors": ["FRA", "IND"], "value_usd": 7.4e9}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRADE_AND_DEALS)
def test_trade_and_deals(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


def test_background_keeps_its_own_date() -> None:
    """A past event stated with its own date is extracted with that date, so alerts can tell it from news."""
    check(
        "Russia and China signed a currency swap agreement in 2014.",
        [
            {
                "type": "agreement_signed",
                "actors": ["CHN", "RUS"],
                "domain": "finance",
                "date": "2014",
            }
        ],
    )


def test_non_state_parties_do_not_meet_for_their_states() -> None:
    check(
        "Executives from Japan's Keidanren business lobby and the Korea Chamber of Commerce met in Seoul.",
        [],
    )


def test_reported_speech_keeps_its_source() -> None:
    [event] = run("Xi will visit Moscow next week, the Kremlin said.")
    assert event.type == "meeting_announced"
    assert event.attributed_to == "Kremlin"


def test_trilateral_statement_names_all_who_met() -> None:
    check(
        "Biden hosted Yoon Suk Yeol and Fumio Kishida at Camp David on Friday. The leaders issued a joint statement.",
        [
            {"type": "meeting_held", "actors": ["JPN", "KOR", "USA"]},
            {"type": "joint_statement", "actors": ["JPN", "KOR", "USA"]},
        ],
        published="2023-08-19",
    )


@pytest.mark.parametrize(
    ("text", "type_", "cameo", "plover"),
    [
        ("Xi will meet Putin next week.", "meeting_announced", "036", "AGREE"),
        ("Xi met Putin in Moscow on Monday.", "meeting_held", "042", "CONSULT"),
        ("Xi and Putin spoke by phone on Monday.", "meeting_held", "041", "CONSULT"),
        (
            "China and Russia signed an oil agreement on Monday.",
            "agreement_signed",
            "057",
            "SUPPORT",
        ),
        ("The U.S. warned China of sanctions.", "sanctions_threatened", "1312", "THREATEN"),
        ("The EU imposed sanctions on Russia on Monday.", "sanctions_imposed", "163", "SANCTION"),
        (
            "China and Russia held joint naval exercises in the Sea of Japan.",
            "military_exercise",
            "062",
            "COOPERATE",
        ),
    ],
)
def test_event_codes(text: str, type_: str, cameo: str, plover: str) -> None:
    """CAMEO and PLOVER codes, so relwatch events join with GDELT, ICEWS or POLECAT data."""
    events = [e for e in run(text) if e.type == type_]
    assert len(events) == 1
    assert (events[0].cameo, events[0].plover) == (cameo, plover)


def test_evidence_points_into_the_article() -> None:
    text = "Some preamble.\n\nXi Jinping met Vladimir Putin in Samarkand on Thursday. More text."
    [event] = run(text)
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text.startswith("Xi Jinping met")
    assert 0 < event.confidence <= 1
    assert event.date_precision == "day"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xi and Lula witnessed the signing of 37 cooperation documents in Brasilia on Wednesday.",
            [
                {"type": "agreement_signed", "actors": ["BRA", "CHN"]},
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "CHN"],
                    "location": "Brasilia",
                    "date": "2022-09-14",
                },
            ],
        ),
        (
            "The U.S. Treasury on Wednesday froze the assets of three Russia-based companies. "
            "It also announced sanctions against a North Korean official.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["RUS"]},
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["PRK"]},
            ],
        ),
        (
            "The EU imposed duties on Chinese electric vehicles. China said it did not accept the ruling and "
            "would take countermeasures.",
            [
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"]},
                {"type": "sanctions_threatened", "by": ["CHN"], "target": ["EU"]},
            ],
        ),
        (
            "Xi and Tokayev pledged to double bilateral trade by 2030.",
            [{"type": "trade_target", "actors": ["CHN", "KAZ"], "target_year": 2030}],
        ),
        (
            "Modi and Trump on Thursday set a target of $500 billion in bilateral trade by 2030 after talks at "
            "the White House in Washington.",
            [
                {"type": "trade_target", "value_usd": 500e9, "target_year": 2030},
                {
                    "type": "meeting_held",
                    "actors": ["IND", "USA"],
                    "location": "Washington",
                    "date": "2022-09-08",
                },
            ],
        ),
        ("Blinken postponed a trip to Beijing over a suspected Chinese spy balloon.", []),
        (
            "Toyota's chairman and Hyundai's executive chair met in Seoul on Sunday, a rare appearance by the "
            "heads of Japan's and South Korea's largest carmakers.",
            [],
        ),
    ],
)
def test_phrasings_from_other_outlets(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan's tighter restrictions on exports to South Korea of three materials vital to the production "
            "of smartphones and memory chips took effect on Thursday.",
            [{"type": "sanctions_imposed", "by": ["JPN"], "target": ["KOR"]}],
        ),
        (
            "U.S. officials have warned that Chinese banks could face sanctions if they help Russia's military.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}],
        ),
        (
            "Erdogan and Putin were aiming for annual trade of $100 billion.",
            [{"type": "trade_target", "actors": ["RUS", "TUR"], "value_usd": 100e9}],
        ),
        (
            "Prime Minister Narendra Modi spoke on phone today with President Vladimir Putin.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "format": "call",
                    "date": "2022-09-14",
                }
            ],
        ),
        (
            "Brazilian officials expect the two governments of Brazil and China to sign around 40 agreements.",
            [],
        ),
        (
            "Xi met Putin in Beijing on Thursday. Kremlin aide Yuri Ushakov said the two presidents would meet "
            "again at the Shanghai Cooperation Organisation summit in Astana in early July.",
            [
                {"type": "meeting_held", "actors": ["CHN", "RUS"], "location": "Beijing"},
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "RUS"],
                    "location": "Astana",
                    "date": "2023-07",
                },
            ],
        ),
        (
            "Kishida held talks with Yoon in Tokyo on Thursday. The two leaders confirmed that they would meet "
            "again on the occasion of the G7 Hiroshima Summit in May.",
            [
                {"type": "meeting_held", "actors": ["JPN", "KOR"], "location": "Tokyo"},
                {
                    "type": "meeting_announced",
                    "actors": ["JPN", "KOR"],
                    "location": "Hiroshima",
                    "date": "2023-05",
                },
            ],
        ),
    ],
)
def test_phrasings_from_more_outlets(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump has also said China, the largest buyer of Russian crude, could face similar secondary tariffs.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}],
        ),
        (
            "Chinese Vice Premier Liu He met U.S. Trade Representative Robert Lighthizer in Washington on Tuesday "
            "evening, and the talks were set to resume on Thursday.",
            [
                {"type": "meeting_held", "actors": ["CHN", "USA"], "date": "2022-09-13"},
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "USA"],
                    "location": "Washington",
                    "date": "2022-09-15",
                },
            ],
        ),
        (
            "India's imports from Russia rose to $4.2 billion in August from $3.6 billion in July.",
            [
                {
                    "type": "trade_volume",
                    "value_usd": 4.2e9,
                    "period": "2022-08",
                    "flow": "imports",
                    "reporter": "IND",
                },
                {
                    "type": "trade_volume",
                    "value_usd": 3.6e9,
                    "period": "2022-07",
                    "flow": "imports",
                    "reporter": "IND",
                },
            ],
        ),
        (
            "KANANASKIS, Alberta, June 18 - Mark Carney and Narendra Modi met in Kananaskis on Tuesday.",
            [{"type": "meeting_held", "actors": ["CAN", "IND"], "date": "2022-09-13"}],
        ),
        ("Lee Jae-myung flew to Washington later on Saturday.", []),
        (
            "Olaf Scholz and Li Qiang held the seventh round of government consultations in Berlin on Tuesday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "DEU"],
                    "location": "Berlin",
                    "date": "2022-09-13",
                }
            ],
        ),
        ("The two leaders agreed to restart talks on a trade deal between Canada and India.", []),
    ],
)
def test_phrasings_from_the_sixth_set(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit told as a welcome
        (
            "Xi Jinping rolled out the red carpet for Vladimir Putin in Beijing on Thursday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "RUS"],
                    "location": "Beijing",
                    "date": "2022-09-08",
                }
            ],
        ),
        # "his counterpart": the other side of the article's pair
        (
            "Poland signed a tank deal with South Korea. Defence Minister Mariusz Blaszczak said he would "
            "travel to Seoul in October to meet his South Korean counterpart.",
            [
                {"type": "agreement_signed", "actors": ["KOR", "POL"], "domain": "military"},
                {
                    "type": "meeting_announced",
                    "actors": ["KOR", "POL"],
                    "location": "Seoul",
                    "date": "2022-10",
                },
            ],
        ),
        # "the three countries" points at the states listed together just before
        (
            "South Korea, Japan and the United States on Thursday launched Freedom Edge, their first "
            "multi-domain military exercise, in the East China Sea. Defence ministers from the three "
            "countries will meet in Tokyo next month.",
            [
                {
                    "type": "military_exercise",
                    "actors": ["JPN", "KOR", "USA"],
                    "location": "East China Sea",
                },
                {
                    "type": "meeting_announced",
                    "actors": ["JPN", "KOR", "USA"],
                    "location": "Tokyo",
                    "date": "2022-10",
                },
            ],
        ),
        # a later trigger of the same meeting gives its place
        (
            "Yoon and Kishida agreed to resume reciprocal visits, and Kishida accepted an invitation to visit Seoul.",
            [{"type": "meeting_announced", "actors": ["JPN", "KOR"], "location": "Seoul"}],
        ),
        # a call asked for is no call held
        (
            "Australia's trade minister said repeated requests for a phone call with his Chinese counterpart "
            "had gone unanswered.",
            [],
        ),
        # who "could face sanctions" is the target, not what the law targets
        (
            "US lawmakers have warned that India could face sanctions under a 2017 law targeting buyers of "
            "Russian weapons.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["IND"]}],
        ),
        # a relative clause keeps the package's imposer
        (
            "The European Union on Friday adopted its 18th package of sanctions against Russia, which, for the "
            "first time, blacklists two Chinese regional banks.",
            [
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["RUS"]},
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"]},
            ],
        ),
        (
            "Japan on Thursday began restricting exports to South Korea of three materials used in chips.",
            [{"type": "sanctions_imposed", "by": ["JPN"], "target": ["KOR"]}],
        ),
        # balances and a country's whole trade are no bilateral figures
        (
            "Japan's exports to South Korea totalled $54.6 billion last year, while South Korea ran a "
            "$24.1 billion deficit in its trade with Japan.",
            [{"type": "trade_volume", "value_usd": 54.6e9, "flow": "exports", "reporter": "JPN"}],
        ),
        (
            "Russia accounted for 4% of China's total foreign trade, which slipped 5% to $5.94 trillion.",
            [],
        ),
        (
            "Trade between China and Brazil totalled $157.5 billion in 2021, and officials expect it to top "
            "$160 billion this year.",
            [
                {"type": "trade_volume", "value_usd": 157.5e9, "period": "2021"},
                {"type": "trade_volume", "value_usd": 160e9, "period": "2022", "forecast": True},
            ],
        ),
        (
            "Trade in goods between the 27-nation bloc and China amounted to €856 billion in 2021.",
            [{"type": "trade_volume", "actors": ["CHN", "EU"], "period": "2021"}],
        ),
        # deals: the subject the deal names, not the ceremony around it; talks concluded conclude a deal
        (
            "Xi welcomed Lula to Beijing with full military honours. The two leaders oversaw the signing of "
            "15 agreements, among them a pact to jointly build a sixth satellite.",
            [
                {"type": "meeting_held", "actors": ["BRA", "CHN"], "location": "Beijing"},
                {"type": "agreement_signed", "actors": ["BRA", "CHN"], "domain": "other"},
            ],
        ),
        (
            "The two governments signed 37 agreements, including protocols that open the Chinese market to "
            "Brazilian sorghum and grapes.",
            [{"type": "agreement_signed", "domain": "agriculture"}],
        ),
        # negotiations concluded on a pact conclude it (two of three blind sets)
        (
            "China and the EU concluded negotiations on the investment pact in December 2020.",
            [{"type": "agreement_signed", "actors": ["CHN", "EU"], "date": "2020-12"}],
        ),
    ],
)
def test_phrasings_from_the_ninth_set(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        # a meeting told over two sentences: its day from the sentence before, its place from the dateline
        (
            "Albanese has met Xi Jinping at the Great Hall of the People in Beijing. Monday's talks, which ran "
            "for more than an hour, came as the two countries work to repair relations.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "CHN"],
                    "location": "Beijing",
                    "date": "2023-11-06",
                }
            ],
            "2023-11-06",
        ),
        (
            "SEOUL, May 27 (Reuters) - Fumio Kishida and Chinese Premier Li Qiang held talks in Seoul on Sunday. "
            "Li also met Yoon on Sunday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "JPN"],
                    "location": "Seoul",
                    "date": "2024-05-26",
                },
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "KOR"],
                    "location": "Seoul",
                    "date": "2024-05-26",
                },
            ],
            "2024-05-27",
        ),
        (
            "The European Union and China reached a deal on Wednesday. The agreement in principle was sealed "
            "during a video call between Chinese President Xi Jinping and EU leaders.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "EU"]},
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "EU"],
                    "date": "2020-12-30",
                    "format": "video",
                },
            ],
            "2020-12-30",
        ),
        # invitations, wishes, plans that fell through
        (
            "Putin invited Xi to attend the celebrations in Moscow in May, and Xi accepted the invitation.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "RUS"],
                    "location": "Moscow",
                    "date": "2025-05",
                }
            ],
            "2025-01-21",
        ),
        ("Erdogan had said that he hoped to host Putin in August.", [], "2023-08-04"),
        ("New Delhi and Beijing were exploring a leaders' meeting.", [], "2021-03-12"),
        (
            "Lula and Xi ink deals, call for Ukraine talks",
            [{"type": "agreement_signed"}],
            "2023-04-15",
        ),
        (
            "The trip, agreed when Biden and Xi met in Bali in November, would have been the first visit by "
            "a U.S. secretary of state to China since 2018.",
            [],
            "2023-02-03",
        ),
        ("Blinken calls off China trip over suspected spy balloon", [], "2023-02-04"),
        (
            "Kishida and Yoon pledged to resume reciprocal visits by the leaders that stalled in 2011.",
            [],
            "2023-03-17",
        ),
        (
            "Vietnam's Chinh is scheduled to meet with executives from Samsung and LG on Tuesday.",
            [],
            "2024-07-01",
        ),
        (
            "Ishiba, who visited Malaysia on Thursday and Friday, said the region was essential.",
            [],
            "2025-01-11",
        ),
        # places
        (
            "Japanese Prime Minister Shigeru Ishiba and Indonesian President Prabowo Subianto agreed Saturday "
            "to deepen security ties. At their talks at the presidential palace in Bogor, south of Jakarta, "
            "Ishiba offered patrol boats.",
            [{"type": "meeting_held", "actors": ["IDN", "JPN"], "location": "Bogor"}],
            "2025-01-11",
        ),
        # sanctions
        (
            "European Union leaders agreed to draw up a list of Turkish individuals and companies that could "
            "be sanctioned over Ankara's gas exploration.",
            [{"type": "sanctions_threatened", "by": ["EU"], "target": ["TUR"]}],
            "2020-12-15",
        ),
        ("Firms that help Russia could be sanctioned, the US said.", [], "2022-09-14"),
        (
            "Moon said Seoul would not be defeated by Japan, and officials said South Korea would strike Japan "
            "off its own list of trusted trading partners.",
            [{"type": "sanctions_threatened", "by": ["KOR"], "target": ["JPN"]}],
            "2019-08-02",
        ),
        (
            "Poland will keep banning imports of Ukrainian wheat and maize indefinitely, the government said.",
            [{"type": "sanctions_imposed", "by": ["POL"], "target": ["UKR"]}],
            "2023-09-18",
        ),
        # trade
        (
            "Trade between Kazakhstan and China reached $41 billion last year, and the sides have set the goal "
            "of doubling it by 2030.",
            [
                {"type": "trade_volume", "value_usd": 41e9, "period": "2023"},
                {"type": "trade_target", "actors": ["CHN", "KAZ"], "target_year": 2030},
            ],
            "2024-07-04",
        ),
        (
            "Trade turnover between Russia and China had exceeded $108 billion last year, and the two countries "
            "aimed to reach $200 billion by 2024.",
            [
                {"type": "trade_volume", "value_usd": 108e9, "period": "2018"},
                {"type": "trade_target", "value_usd": 200e9, "target_year": 2024},
            ],
            "2019-12-02",
        ),
        (
            "India, Russia aim for $100 billion trade by 2030",
            [{"type": "trade_target", "value_usd": 100e9, "target_year": 2030}],
            "2024-07-10",
        ),
        (
            "India and the UAE are expected to increase bilateral trade to over US$ 100 billion within five years.",
            [{"type": "trade_target", "actors": ["ARE", "IND"], "value_usd": 100e9}],
            "2022-02-18",
        ),
        (
            "China and the US agreed that China would buy an additional $200 billion of U.S. goods.",
            [],
            "2020-01-16",
        ),
        (
            "Bilateral trade between Argentina and China totaled 158 billion yuan last year, or about "
            "$23.5 billion at an average exchange rate of 6.73 yuan per dollar.",
            [{"type": "trade_volume", "value_usd": 23.5e9, "period": "2022"}],
            "2023-06-02",
        ),
        # deals
        (
            "Argentina said it had signed a renewal of its currency swap agreement with China, keeping the "
            "facility at 130 billion yuan ($18.3 billion).",
            [{"type": "agreement_signed", "domain": "finance", "value_usd": 18.3e9}],
            "2023-06-02",
        ),
        (
            "Iran and Pakistan signed eight memorandums of understanding covering security and trade.",
            [{"type": "agreement_signed", "actors": ["IRN", "PAK"]}],
            "2024-04-22",
        ),
        (
            "Nigeria and the United Kingdom signed an Enhanced Trade and Investment Partnership.",
            [{"type": "agreement_signed", "actors": ["GBR", "NGA"], "domain": "trade"}],
            "2024-02-08",
        ),
        (
            "The exercise came days after North Korea and Russia signed a mutual defense treaty.",
            [],
            "2024-06-29",
        ),
    ],
)
def test_phrasings_from_the_tenth_and_eleventh_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (
            "June 15, 2023, The Kremlin, Moscow. Vladimir Putin held talks with President of Algeria "
            "Abdelmadjid Tebboune, who is in Russia on a state visit.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["DZA", "RUS"],
                    "location": "Moscow",
                    "date": "2023-06-15",
                }
            ],
            "2023-06-15",
        ),
        (
            "Prime Minister Shri Narendra Modi spoke on phone today with H.E. Mr. Vladimir Putin.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "date": "2022-12-16",
                    "format": "call",
                }
            ],
            "2022-12-16",
        ),
        (
            "Carney and Modi met on the sidelines of the Group of Seven summit in Kananaskis on Tuesday.",
            [{"type": "meeting_held", "actors": ["CAN", "IND"], "location": "Kananaskis"}],
            "2025-06-18",
        ),
        (
            "Canada and India: bilateral trade in goods was worth about 13.5 billion Canadian dollars in 2024.",
            [{"type": "trade_volume", "actors": ["CAN", "IND"], "period": "2024"}],
            "2025-06-18",
        ),
        (
            "The navies of Pakistan and China began a nine-day joint exercise in the northern Arabian Sea.",
            [{"type": "military_exercise", "actors": ["CHN", "PAK"], "location": "Arabian Sea"}],
            "2020-01-07",
        ),
        (
            "Naval exercises involving South Africa, Russia and China ended on Monday.",
            [{"type": "military_exercise", "actors": ["CHN", "RUS", "ZAF"]}],
            "2023-02-27",
        ),
        (
            "Putin and Xi launched the Power of Siberia pipeline by video link from Sochi and Beijing on Monday.",
            [{"type": "meeting_held", "actors": ["CHN", "RUS"], "format": "video"}],
            "2019-12-03",
        ),
        (
            "Goyal and Australian Trade Minister Dan Tehan signed the trade agreement at a virtual ceremony "
            "attended by Prime Ministers Narendra Modi and Scott Morrison.",
            [
                {"type": "meeting_held", "actors": ["AUS", "IND"], "format": "video"},
                {"type": "agreement_signed", "actors": ["AUS", "IND"], "domain": "trade"},
            ],
            "2022-04-02",
        ),
        (
            "The agreement followed two days of talks in Geneva over the weekend between U.S. Treasury "
            "Secretary Scott Bessent and Chinese Vice Premier He Lifeng.",
            [{"type": "meeting_held", "actors": ["CHN", "USA"], "location": "Geneva"}],
            "2025-05-12",
        ),
        (
            "The United States and China agreed on Monday to slash their tariffs for 90 days, a deal that sent "
            "stock markets soaring.",
            [{"type": "agreement_signed", "actors": ["CHN", "USA"]}],
            "2025-05-12",
        ),
        (
            "Biden flew to Hanoi directly from the G20 summit in New Delhi.",
            [],
            "2023-09-11",
        ),
        (  # a deal concluded, and no meeting
            "China and the European Union concluded negotiations in principle on an investment agreement.",
            [{"type": "agreement_signed", "actors": ["CHN", "EU"]}],
            "2020-12-31",
        ),
        # sanctions
        (
            "Moon said Seoul would respond by dropping Japan from its own list of trusted trading partners and "
            "warned that Tokyo would bear responsibility for the consequences.",
            [{"type": "sanctions_threatened", "by": ["KOR"], "target": ["JPN"]}],
            "2019-08-02",
        ),
        (
            "Trump said Tehran could expect more sanctions unless it alters its conduct.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["IRN"]}],
            "2019-05-10",
        ),
        (
            "Biden told Xi that Washington would not hesitate to impose further restrictions on exports of "
            "advanced chips to China.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}],
            "2024-04-03",
        ),
        # trade
        (
            "Trade between China and Russia rose 27% to $107 billion last year. Putin said the two sides were "
            "now working to bring that figure to $200 billion by 2024.",
            [
                {"type": "trade_volume", "value_usd": 107e9, "period": "2018"},
                {"type": "trade_target", "value_usd": 200e9, "target_year": 2024},
            ],
            "2019-06-06",
        ),
    ],
)
def test_phrasings_from_the_older_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        # several meetings at one summit
        (
            "Xi Jinping and Anthony Albanese held their first formal meeting on Tuesday on the sidelines of the "
            "G20 summit in Bali. Xi also held talks on Tuesday with French President Emmanuel Macron and South "
            "Korean President Yoon Suk-yeol.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "CHN"],
                    "location": "Bali",
                    "date": "2022-11-15",
                },
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "FRA"],
                    "location": "Bali",
                    "date": "2022-11-15",
                },
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "KOR"],
                    "location": "Bali",
                    "date": "2022-11-15",
                },
            ],
            "2022-11-15",
        ),
        (
            "Xi and Putin met in the Kazakh capital on Wednesday on the sidelines of the SCO summit.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "RUS"],
                    "location": "Astana",
                    "date": "2024-07-03",
                }
            ],
            "2024-07-03",
        ),
        (
            "Before the summit, Xi held talks in Xi'an with Kazakh President Kassym-Jomart Tokayev on Wednesday. "
            "On Thursday, he held separate talks with Kyrgyz President Sadyr Japarov and Tajik President "
            "Emomali Rahmon.",
            [
                {"type": "meeting_held", "actors": ["CHN", "KAZ"], "date": "2023-05-17"},
                {"type": "meeting_held", "actors": ["CHN", "KGZ"], "date": "2023-05-18"},
                {"type": "meeting_held", "actors": ["CHN", "TJK"], "date": "2023-05-18"},
            ],
            "2023-05-19",
        ),
        (
            "WOODSIDE, California, Nov 16 (Reuters) - Biden and Xi agreed on Wednesday to restore military "
            "communications. The meeting at the Filoli estate in Woodside was their first in a year.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "USA"],
                    "location": "Woodside",
                    "date": "2023-11-15",
                }
            ],
            "2023-11-16",
        ),
        (
            "WILMINGTON, Delaware, Sept. 21 Kyodo - Leaders met. Kishida, Albanese and Modi joined Biden in "
            "Wilmington for the talks on Saturday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "IND", "JPN", "USA"],
                    "location": "Wilmington",
                }
            ],
            "2024-09-22",
        ),
        (
            "Modi held talks with Putin in Moscow on Tuesday. Modi leaves for Vienna later on Tuesday and is "
            "due to hold talks with Austrian Chancellor Karl Nehammer on Wednesday.",
            [
                {"type": "meeting_held", "actors": ["IND", "RUS"], "date": "2024-07-09"},
                {
                    "type": "meeting_announced",
                    "actors": ["AUT", "IND"],
                    "location": "Vienna",
                    "date": "2024-07-10",
                },
            ],
            "2024-07-09",
        ),
        (
            "Modi and Sheikh Mohamed bin Zayed, Crown Prince of Abu Dhabi, held a Virtual Summit today.",
            [{"type": "meeting_held", "actors": ["ARE", "IND"], "format": "video"}],
            "2022-02-18",
        ),
        # not meetings
        (
            "Biden met Xi in Lima, in what was likely their last meeting before Trump returns in January.",
            [{"type": "meeting_held", "actors": ["CHN", "USA"], "location": "Lima"}],
            "2024-11-20",
        ),
        (
            "North Korea will reject any contact and negotiations with Japan, Kim Yo Jong said.",
            [],
            "2024-03-26",
        ),
        (
            "India beat Pakistan in the first World Cup meeting between the arch-rivals in India since 2011.",
            [],
            "2023-10-14",
        ),
        (
            "Despite the fanfare surrounding Putin's state visit to China last week, Moscow and Beijing have yet "
            "to agree on the pipeline.",
            [],
            "2024-05-22",
        ),
        (
            "The leaders of Japan, South Korea and the US said they would hold trilateral summits every year.",
            [],
            "2023-08-19",
        ),
        ("Lula visited a Huawei research center in Shanghai on Thursday.", [], "2023-04-14"),
        # statements, sanctions, trade
        (
            "Biden hosted Kishida and Yoon at Camp David on Friday. In a joint statement the White House dubbed "
            "the Spirit of Camp David, the leaders condemned China's behaviour.",
            [
                {"type": "meeting_held", "actors": ["JPN", "KOR", "USA"], "location": "Camp David"},
                {"type": "joint_statement", "actors": ["JPN", "KOR", "USA"], "date": "2023-08-18"},
            ],
            "2023-08-19",
        ),
        (
            "The Biden administration on Wednesday slapped sanctions on entities in Russia and several other "
            "countries, including China, Turkey and the United Arab Emirates.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["RUS"]},
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"]},
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["TUR"]},
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["ARE"]},
            ],
            "2024-06-12",
        ),
        (
            "The U.S. Commerce Department on Friday unveiled sweeping export controls designed to cut China off "
            "from advanced semiconductors.",
            [{"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"]}],
            "2022-10-08",
        ),
        (
            "Within hours, Beijing hit back by putting 10 Europeans - among them German scholar Adrian Zenz - "
            "on a blacklist.",
            [{"type": "sanctions_imposed", "by": ["CHN"], "target": ["EU"]}],
            "2021-03-23",
        ),
        (
            "President Donald Trump said he had ordered Lighthizer to begin the process of raising tariffs on "
            "essentially all remaining imports from China, worth about $300 billion.",
            [
                {"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}
            ],  # and no trade figure
            "2019-05-10",
        ),
        (
            "Bilateral trade between Brazil and China reached US$ 150.5 billion in 2022, and Brazilian exports "
            "to China totaled US$ 89.7 billion.",
            [
                {"type": "trade_volume", "value_usd": 150.5e9, "flow": "total"},
                {"type": "trade_volume", "value_usd": 89.7e9, "flow": "exports", "reporter": "BRA"},
            ],
            "2023-04-14",
        ),
        (
            "The CEPA between India and the UAE is expected to increase bilateral trade in goods to over "
            "US$ 100 billion and trade in services to over US$ 15 billion within five years.",
            [
                {"type": "trade_target", "value_usd": 100e9},
                {"type": "trade_target", "value_usd": 15e9},
            ],
            "2022-02-18",
        ),
    ],
)
def test_phrasings_from_the_thirteenth_and_fourteenth_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (
            "Lula spoke with Indian Prime Minister Narendra Modi last Thursday and with Russian President "
            "Vladimir Putin last Friday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "IND"],
                    "date": "2025-08-07",
                    "format": "call",
                },
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "RUS"],
                    "date": "2025-08-08",
                    "format": "call",
                },
            ],
            "2025-08-12",
        ),
        (
            "Prime Minister Narendra Modi on Tuesday spoke to Russian President Vladimir Putin over the phone.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "date": "2024-08-27",
                    "format": "call",
                }
            ],
            "2024-08-27",
        ),
        (
            "That in itself speaks to the growing closeness of the two countries, China and Russia.",
            [],
            "2022-02-05",
        ),
        (
            "Albanese meets Xi in Beijing as relationship thaws\n\nPrime Minister Anthony Albanese has met "
            "Chinese President Xi Jinping at the Great Hall of the People in Beijing.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "CHN"],
                    "location": "Beijing",
                    "date": "2023-11-06",
                }
            ],
            "2023-11-06",
        ),
        (
            "German Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Friday. Scholz later "
            "held talks with Premier Li Keqiang.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "DEU"],
                    "location": "Beijing",
                    "date": "2022-11-04",
                },
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "DEU"],
                    "location": "Beijing",
                    "date": "2022-11-04",
                },
            ],
            "2022-11-04",
        ),
        (
            "KAZAN: Modi and Xi on Wednesday held their first bilateral meeting in five years, on the "
            "sidelines of the BRICS summit in this Russian city.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "IND"],
                    "location": "Kazan",
                    "date": "2024-10-23",
                }
            ],
            "2024-10-23",
        ),
        (
            "Modi and Putin are due to meet again in October, when Russia hosts the BRICS summit in the city "
            "of Kazan.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["IND", "RUS"],
                    "location": "Kazan",
                    "date": "2024-10",
                }
            ],
            "2024-08-27",
        ),
        (
            "Carney extended the invitation during a phone call with Modi on June 6.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CAN", "IND"],
                    "date": "2025-06-06",
                    "format": "call",
                }
            ],
            "2025-06-18",
        ),
        (
            "PRETORIA - Ramaphosa welcomed Xi Jinping for a state visit at the Union Buildings on Tuesday, "
            "ahead of the BRICS summit in Johannesburg.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "ZAF"],
                    "location": "Pretoria",
                    "date": "2023-08-22",
                }
            ],
            "2023-08-22",
        ),
        (
            "Xi had declined an invitation to travel to Brussels for the meeting with EU leaders.",
            [],
            "2025-07-24",
        ),
        (
            "On Friday, Vice President Kamala Harris and Secretary of State Antony Blinken will host a lunch for "
            "Modi at the State Department.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["IND", "USA"],
                    "location": "Washington",
                    "date": "2023-06-23",
                }
            ],
            "2023-06-22",
        ),
        # sanctions
        ("Canada expelled six Indian diplomats in October.", [], "2025-06-18"),
        (
            "Yellen warned that Chinese banks that provide material support for Russia's war in Ukraine could "
            "face sanctions.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["CHN"]}],
            "2024-04-08",
        ),
        (
            "WARSAW/KYIV - Poland, Hungary and Slovakia imposed their own bans on imports of Ukrainian grain on "
            "Friday.",
            [{"type": "sanctions_imposed", "by": ["HUN", "POL", "SVK"], "target": ["UKR"]}],
            "2023-09-16",
        ),
        (
            "The EU last Friday adopted its 18th package of sanctions against Russia, which for the first time "
            "included two Chinese banks.",
            [
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["RUS"]},
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"]},
            ],
            "2025-07-24",
        ),
        # deals
        (
            "Iran and Saudi Arabia agreed on Friday to re-establish diplomatic relations, in a deal brokered by "
            "China.",
            [{"type": "agreement_signed"}],
            "2023-03-10",
        ),
        (
            "Argentina has renewed its 130 billion yuan ($18 billion) currency swap line with China.",
            [
                {
                    "type": "agreement_signed",
                    "actors": ["ARG", "CHN"],
                    "domain": "finance",
                    "value_usd": 18e9,
                }
            ],
            "2023-06-03",
        ),
        (
            "Putin and Modi held the annual summit in New Delhi on Monday. In all, 28 agreements and memorandums "
            "were signed during the visit.",
            [
                {"type": "meeting_held", "actors": ["IND", "RUS"]},
                {"type": "agreement_signed", "actors": ["IND", "RUS"]},
            ],
            "2021-12-07",
        ),
    ],
)
def test_phrasings_from_the_fifteenth_and_sixteenth_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (
            "At Camp David, leaders pledge cooperation\n\nCAMP DAVID, Md. - President Biden hosted the leaders "
            "of Japan and South Korea at the presidential retreat on Friday, in the face of China's growing "
            "power. Biden also held separate meetings with Kishida and with Yoon before the trilateral session.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["JPN", "KOR", "USA"],
                    "location": "Camp David",
                    "date": "2023-08-18",
                },
                {
                    "type": "meeting_held",
                    "actors": ["JPN", "USA"],
                    "location": "Camp David",
                    "date": "2023-08-18",
                },
                {
                    "type": "meeting_held",
                    "actors": ["KOR", "USA"],
                    "location": "Camp David",
                    "date": "2023-08-18",
                },
            ],
            "2023-08-19",
        ),
        (
            "President Joseph R. Biden, Jr. spoke today with President Xi Jinping of the People's Republic of China.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "USA"],
                    "date": "2024-04-02",
                    "format": "call",
                }
            ],
            "2024-04-02",
        ),
        (
            "Moscow, Dec 27 (PTI) External Affairs Minister S Jaishankar on Wednesday held talks with his "
            "Russian counterpart Sergei Lavrov here. Later in the day, President Vladimir Putin received "
            "Jaishankar at the Kremlin.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Moscow",
                    "date": "2023-12-27",
                },
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Moscow",
                    "date": "2023-12-27",
                },
            ],
            "2023-12-27",
        ),
        (
            "Modi and Putin held talks. A joint statement issued after Tuesday's talks said the two sides would "
            "settle more of their trade in national currencies.",
            [
                {"type": "meeting_held"},
                {"type": "joint_statement", "actors": ["IND", "RUS"], "date": "2024-07-09"},
            ],
            "2024-07-10",
        ),
        (
            "The Canola Council urged the Canadian government to open talks with Beijing quickly.",
            [],
            "2025-03-08",
        ),
        ("Cambodia suspended joint exercises with the United States in 2017.", [], "2024-05-16"),
        (
            "Russia and Iran signed a treaty that covers cooperation in trade and defence, including joint "
            "military exercises.",
            [{"type": "agreement_signed", "actors": ["IRN", "RUS"]}],
            "2025-01-17",
        ),
        (
            "The White House said Vietnam Airlines would sign a memorandum during the visit to buy 50 Boeing "
            "jets from the United States, a deal it valued at about $7.8 billion.",
            [],
            "2023-09-11",
        ),
        (
            "Australia and India signed a trade pact. Officials expected two-way trade to reach about "
            "$50 billion within five years.",
            [
                {"type": "agreement_signed", "actors": ["AUS", "IND"]},
                {"type": "trade_target", "actors": ["AUS", "IND"], "value_usd": 50e9},
            ],
            "2022-04-02",
        ),
        (
            "Canberra has been seeking new markets after China restricted imports of Australian barley and "
            "wine in 2020.",
            [],
            "2022-04-02",
        ),
        (
            "South Korea imported $54.6 billion worth of goods from Japan in 2018 and exported $30.5 billion "
            "to its neighbor.",
            [
                {"type": "trade_volume", "value_usd": 54.6e9, "flow": "imports", "reporter": "KOR"},
                {"type": "trade_volume", "value_usd": 30.5e9, "flow": "exports", "reporter": "KOR"},
            ],
            "2019-07-01",
        ),
    ],
)
def test_phrasings_from_the_eighteenth_and_nineteenth_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (
            "TEHRAN, March 27 - Iran and China signed a 25-year cooperation agreement in Tehran on Saturday. "
            "Wang Yi also held talks with President Hassan Rouhani.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "IRN"]},
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "IRN"],
                    "location": "Tehran",
                    "date": "2021-03-27",
                },
            ],
            "2021-03-27",
        ),
        (
            "Putin and Mohammed bin Salman issued a joint statement on Thursday. Earlier, Putin met UAE President "
            "Sheikh Mohamed bin Zayed in Abu Dhabi. The joint statement said the two countries would expand "
            "cooperation in energy.",
            [
                {"type": "joint_statement", "actors": ["RUS", "SAU"]},
                {"type": "meeting_held", "actors": ["ARE", "RUS"]},
            ],
            "2023-12-07",
        ),
        (
            "Biden and Xi met at the Filoli estate on Wednesday, in their first face-to-face encounter since "
            "meeting in Bali a year ago.",
            [{"type": "meeting_held", "actors": ["CHN", "USA"], "date": "2023-11-15"}],
            "2023-11-16",
        ),
    ],
)
def test_phrasings_of_one_visit(text: str, expected: list[dict[str, Any]], published: str) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (  # a continent is never where leaders met: the dateline names the city
            "BERLIN - Olaf Scholz welcomed Narendra Modi on Monday as the Indian leader began a tour of Europe.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["DEU", "IND"],
                    "location": "Berlin",
                    "date": "2022-05-02",
                }
            ],
            "2022-05-03",
        ),
        (  # a "China-Africa summit" is a name, not a place
            "DAKAR - Xi Jinping and the leaders of Senegal, Nigeria and Kenya met on Tuesday at the close of "
            "the China-Africa summit.",
            [{"type": "meeting_held", "actors": ["CHN", "KEN", "NGA", "SEN"], "location": "Dakar"}],
            "2024-09-05",
        ),
        (  # three people of one sentence, then "the three leaders"
            "Joe Biden and Fumio Kishida welcomed Yoon Suk Yeol on Friday. The three leaders met at Camp David "
            "for a trilateral summit.",
            [{"type": "meeting_held", "actors": ["JPN", "KOR", "USA"], "location": "Camp David"}],
            "2023-08-19",
        ),
        (  # a summit's named declaration, signed by the leaders the sentence names
            "Putin and the leaders of Kazakhstan and Belarus signed the Astana Declaration on Friday.",
            [
                {"type": "joint_statement", "actors": ["BLR", "KAZ", "RUS"], "date": "2024-07-05"},
            ],
            "2024-07-06",
        ),
        (  # ... but "They adopted" a bloc's declaration names no pair
            "Leaders of the G20 met in Rio de Janeiro. They adopted the Rio Declaration on Monday.",
            [],
            "2024-11-19",
        ),
        (  # "Host President" is a title, and "separate talks with A and with B" are two meetings
            "Host President Luiz Inacio Lula da Silva held separate talks with Modi and with Xi on Tuesday.",
            [
                {"type": "meeting_held", "actors": ["BRA", "IND"], "date": "2024-11-19"},
                {"type": "meeting_held", "actors": ["BRA", "CHN"], "date": "2024-11-19"},
            ],
            "2024-11-20",
        ),
        (  # "in X, near Y": X is the place
            "Xi and Modi met in Mamallapuram, near Chennai, on Friday.",
            [{"type": "meeting_held", "actors": ["CHN", "IND"], "location": "Mamallapuram"}],
            "2019-10-12",
        ),
        (  # one host, two guests, each with a place and day of their own; then a visit to come
            "Albanese is touring the region. He met Prabowo Subianto in Jakarta on Monday and Narendra Modi "
            "in New Delhi on Wednesday, and will travel to Tokyo for talks with Shigeru Ishiba on Friday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "IDN"],
                    "location": "Jakarta",
                    "date": "2025-03-03",
                },
                {
                    "type": "meeting_held",
                    "actors": ["AUS", "IND"],
                    "location": "New Delhi",
                    "date": "2025-03-05",
                },
                {
                    "type": "meeting_announced",
                    "actors": ["AUS", "JPN"],
                    "location": "Tokyo",
                    "date": "2025-03-07",
                },
            ],
            "2025-03-05",
        ),
        (  # a press office's dateline, city first: the meeting's day is "Friday", not the dateline's
            "Dhaka, 15 March 2025 - Chief Adviser Muhammad Yunus held talks with Xi Jinping in Beijing on Friday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["BGD", "CHN"],
                    "location": "Beijing",
                    "date": "2025-03-14",
                }
            ],
            "2025-03-15",
        ),
        (  # a readout's dateline, day first: its day and town date and place the talks
            "Press office\n\nJune 3, 2024, Astana - Vladimir Putin held talks with Kassym-Jomart Tokayev. "
            "A number of bilateral documents were signed. Among them is an agreement on gas supplies.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["KAZ", "RUS"],
                    "location": "Astana",
                    "date": "2024-06-03",
                },
                {"type": "agreement_signed", "actors": ["KAZ", "RUS"], "domain": "energy"},
            ],
            "2024-06-03",
        ),
        (  # a visit and its talks in one sentence: one meeting, on the talks' day
            "Mr. Lula will leave for Rome on Tuesday, in his first visit to Italy as president, and will hold "
            "talks with Giorgia Meloni on Wednesday.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["BRA", "ITA"],
                    "location": "Rome",
                    "date": "2023-06-21",
                }
            ],
            "2023-06-19",
        ),
        (  # the talks a statement came out of are past, whatever the statement says will happen
            "Under a joint statement released after two days of talks in London between Scott Bessent and "
            "He Lifeng, the US will cut the tariffs it has levied this year.",
            [
                {"type": "meeting_held", "actors": ["CHN", "USA"], "location": "London"},
                {"type": "joint_statement", "actors": ["CHN", "USA"]},
            ],
            "2025-06-11",
        ),
        (  # "The two countries" after a meeting of two others than the article's pair
            "Trump held talks with Qatar's emir in Doha. Qatar Airways agreed to buy Boeing jets. On Tuesday in "
            "Riyadh, Trump held talks with Mohammed bin Salman. The two countries signed an arms sales "
            "agreement worth $142 billion.",
            [
                {"type": "meeting_held", "actors": ["QAT", "USA"], "location": "Doha"},
                {"type": "meeting_held", "actors": ["SAU", "USA"], "location": "Riyadh"},
                {"type": "agreement_signed", "actors": ["SAU", "USA"], "value_usd": 142e9},
            ],
            "2025-05-14",
        ),
        (  # "is due in X for talks": X is where
            "Trump is due in Abu Dhabi on Thursday for talks with Sheikh Mohamed bin Zayed.",
            [{"type": "meeting_announced", "actors": ["ARE", "USA"], "location": "Abu Dhabi"}],
            "2025-05-14",
        ),
        (  # aid cut off or suspended to punish is a sanction; a flood cutting off aid is not
            "Trump signed an executive order on February 7 cutting off US aid to South Africa. "
            "The EU suspended budget support to Niger. Floods cut off aid to the region.",
            [{"type": "sanctions_imposed", "by": ["USA"], "target": ["ZAF"], "date": "2025-02-07"}],
            "2025-05-22",
        ),
        (  # a conversation with someone, by telephone, is a call; a conversation about something is not
            'Sheinbaum described a "good conversation" with Trump by telephone on Monday morning. '
            "Officials had a conversation about fentanyl.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["MEX", "USA"],
                    "format": "call",
                    "date": "2025-02-03",
                }
            ],
            "2025-02-03",
        ),
        (  # two deals of two domains in one sentence; four documents named by the one they include
            "Kenya and Turkey signed a defence cooperation agreement and a financial cooperation agreement on "
            "Tuesday. They then attended a ceremony at which ministers signed four documents, including a water "
            "cooperation agreement.",
            [
                {"type": "agreement_signed", "actors": ["KEN", "TUR"], "domain": "military"},
                {"type": "agreement_signed", "actors": ["KEN", "TUR"], "domain": "finance"},
                {"type": "agreement_signed", "actors": ["KEN", "TUR"], "domain": "other"},
            ],
            "2024-02-14",
        ),
        (  # "Before the ceremony" the lead told: its day; a statement's content has no say on its date
            "Putin and Erdogan on Wednesday opened the pipeline. Before the ceremony, Putin and Erdogan held "
            "talks in Istanbul. The two leaders then issued a joint statement calling for a ceasefire from "
            "midnight on January 12.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "location": "Istanbul",
                    "date": "2020-01-08",
                },
                {"type": "joint_statement", "actors": ["RUS", "TUR"], "date": "2020-01-08"},
            ],
            "2020-01-08",
        ),
        (  # a "first in-person" meeting to come does not make a later phone call in person
            "The two sides are arranging for Lee Jae-myung and Shigeru Ishiba to hold their first in-person "
            "talks next week. Lee Jae-myung spoke with Donald Trump by phone on Friday.",
            [
                {"type": "meeting_announced", "actors": ["JPN", "KOR"]},
                {
                    "type": "meeting_held",
                    "actors": ["KOR", "USA"],
                    "format": "call",
                    "date": "2025-06-06",
                },
            ],
            "2025-06-10",
        ),
        (  # on a summit's days, in the dateline's city where the story's meetings took place
            "OSAKA - Trump and Xi met on Saturday on the sidelines of the G20 summit in Osaka. "
            "Putin met Turkish President Tayyip Erdogan on Saturday.",
            [
                {"type": "meeting_held", "actors": ["CHN", "USA"], "location": "Osaka"},
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "location": "Osaka",
                    "date": "2019-06-29",
                },
            ],
            "2019-06-30",
        ),
        (  # the country a patrol circles is watched, not drilling
            "A flotilla of Chinese and Russian naval vessels sailed through the Osumi Strait on Friday, "
            "completing a near-circuit of the Japanese archipelago in the two countries' first joint naval "
            "patrol.",
            [{"type": "military_exercise", "actors": ["CHN", "RUS"], "date": "2021-10-22"}],
            "2021-10-23",
        ),
        (  # an accented capital is reported in plain English
            "Lula received Xi Jinping at the Alvorada Palace on Wednesday. Xi and Lula met again in Brasília on "
            "Thursday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "CHN"],
                    "location": "Brasilia",
                    "date": "2024-11-20",
                },
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "CHN"],
                    "location": "Brasilia",
                    "date": "2024-11-21",
                },
            ],
            "2024-11-22",
        ),
        (  # "that year" is no "that"-clause: the second subject retaliates on its own
            "Tokyo imposed the curbs in July 2019, and Seoul retaliated later that year by removing Japan from "
            "its list of trusted trading partners.",
            [{"type": "sanctions_imposed", "by": ["KOR"], "target": ["JPN"]}],
            "2023-03-17",
        ),
        (  # "had spoken to" by telephone; business leaders meeting are not the states
            "Modi had spoken to Putin by telephone in March. Business leaders of the two countries will meet "
            "on Friday.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "format": "call",
                    "date": "2024-03",
                }
            ],
            "2024-07-10",
        ),
        (  # a headline's infinitive is a visit to come
            "Putin to visit China this week on first foreign trip of new term\n\nMOSCOW (AFP) - Putin will "
            "travel to China on Thursday.",
            [{"type": "meeting_announced", "actors": ["CHN", "RUS"], "date": "2024-05-16"}],
            "2024-05-14",
        ),
        (  # "agreed in December" is no meeting place; talks "have been frozen" are no meeting
            "Britain, Japan and Italy agreed in December to jointly develop a fighter jet. Talks between Egypt, "
            "Sudan and Ethiopia have been frozen since the last round collapsed in 2023.",
            [],
            "2023-01-11",
        ),
        (  # sanctions reimposed; the one who "would respond" with measures threatens them
            "Trump reimposed sanctions on Iran in 2018. Israel Katz warned last month that Israel would respond "
            "with parallel measures that would hurt the Turkish economy.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["IRN"], "date": "2018"},
                {"type": "sanctions_threatened", "by": ["ISR"], "target": ["TUR"]},
            ],
            "2024-05-03",
        ),
        (  # "where the two leaders held talks": the article's pair, not the countries the sentence names
            "Xi Jinping and Aleksandar Vucic signed a joint statement in Belgrade on Wednesday. Xi, on a tour "
            "that began in France, was welcomed outside the Palace of Serbia, where the two leaders held talks.",
            [
                {"type": "joint_statement", "actors": ["CHN", "SRB"]},
                {"type": "meeting_held", "actors": ["CHN", "SRB"], "date": "2024-05-08"},
            ],
            "2024-05-08",
        ),
        (  # a comma closes "since the fighting ended,"; "before the signing" the lead told: its day
            "SHUSHA, Azerbaijan, June 15 - Erdogan and Aliyev signed a declaration on Tuesday in Shusha. "
            "Erdogan, the first foreign leader to visit Shusha since the fighting ended, held talks with Aliyev "
            "before the signing.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["AZE", "TUR"],
                    "location": "Shusha",
                    "date": "2021-06-15",
                }
            ],
            "2021-06-15",
        ),
        (  # "the two sides" issue it, whatever conference the sentence later names
            "Von der Leyen met Xi Jinping on Thursday. The two sides issued a joint statement on climate change "
            "in which they pledged to submit new targets before the COP30 conference in Brazil.",
            [
                {"type": "meeting_held", "actors": ["CHN", "EU"]},
                {"type": "joint_statement", "actors": ["CHN", "EU"], "date": "2025-07-24"},
            ],
            "2025-07-24",
        ),
        (  # "a day after" the dinner on Monday: the talks were on Tuesday; the dinner is its own meeting
            "The two leaders held formal talks in the Kremlin a day after Putin hosted Modi on Monday evening "
            "for dinner at his residence at Novo-Ogaryovo outside Moscow.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Moscow",
                    "date": "2024-07-09",
                },
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Novo-Ogaryovo",
                    "date": "2024-07-08",
                },
            ],
            "2024-07-10",
        ),
        (  # "three hours of talks" is a duration, not a reference; "Earlier" tells a further meeting
            "Antony Blinken met President Xi Jinping in Beijing on Monday. Earlier on Monday, Blinken held three "
            "hours of talks with Wang Yi.",
            [
                {"type": "meeting_held", "actors": ["CHN", "USA"], "date": "2023-06-19"},
                {"type": "meeting_held", "actors": ["CHN", "USA"], "date": "2023-06-19"},
            ],
            "2023-06-19",
        ),
        (  # a leader the gazetteer lacks, named by the demonym and title; "the six heads of state" sign
            "XI'AN, May 19 - Xi Jinping on Friday chaired a summit with the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, "
            "Turkmenistan and Uzbekistan. The six heads of state signed the Xi'an Declaration. On Thursday, Xi "
            "held separate talks with Kyrgyz President Sadyr Japarov and Turkmen President Serdar Berdimuhamedov.",
            [
                {"type": "meeting_held", "actors": ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]},
                {"type": "joint_statement", "actors": ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]},
                {"type": "meeting_held", "actors": ["CHN", "KGZ"], "date": "2023-05-18"},
                {"type": "meeting_held", "actors": ["CHN", "TKM"], "date": "2023-05-18"},
            ],
            "2023-05-19",
        ),
        (  # the city one leaves is no party; the one one leaves for is where the talks will be
            "Putin arrived in Pyongyang on Wednesday. Putin was to leave Pyongyang later Wednesday for Hanoi, "
            "where he will hold talks with Vietnamese leaders on Thursday.",
            [
                {"type": "meeting_held", "actors": ["PRK", "RUS"], "location": "Pyongyang"},
                {
                    "type": "meeting_announced",
                    "actors": ["RUS", "VNM"],
                    "location": "Hanoi",
                    "date": "2024-06-20",
                },
            ],
            "2024-06-19",
        ),
        (  # a readout's dateline on a line of its own; "mutual trade"; a target above "the earlier benchmark"
            "Russian-Kazakh talks\nNovember 27, 2024, Astana\nVladimir Putin held talks with Kassym-Jomart "
            "Tokayev. According to the President of Russia, mutual trade reached a record $28 billion last year "
            "and is expected to rise to about $29 billion this year. He added that the two governments had been "
            "instructed to bring bilateral trade to $35 billion by 2030, above the earlier benchmark of $30 "
            "billion.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["KAZ", "RUS"],
                    "location": "Astana",
                    "date": "2024-11-27",
                },
                {"type": "trade_volume", "value_usd": 28e9, "period": "2023"},
                {"type": "trade_volume", "value_usd": 29e9, "period": "2024", "forecast": True},
                {
                    "type": "trade_target",
                    "value_usd": 35e9,
                    "target_year": 2030,
                    "previous_value_usd": 30e9,
                },
            ],
            "2024-11-27",
        ),
        (  # talks "following" which something would happen took place; a swap's dollars as the text gives them
            "Bola Tinubu and Xi Jinping on Tuesday announced that relations would be raised to a strategic "
            "partnership, following talks at the Great Hall of the People in Beijing. The two central banks "
            "renewed their currency swap agreement, worth 15 billion yuan, or about $2.1 billion.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "NGA"],
                    "location": "Beijing",
                    "date": "2024-09-03",
                },
                {"type": "agreement_signed", "actors": ["CHN", "NGA"], "value_usd": 2.1e9},
            ],
            "2024-09-04",
        ),
        (  # a ministry's "EAM"; "held discussions with"; documents signed "in their presence"; a welcome to come
            "On 26 December, EAM held discussions in Moscow with Denis Manturov. In their presence, documents "
            "relating to the construction of future power units of the Kudankulam Nuclear Power Plant were "
            "signed. President Putin said that he looked forward to welcoming Prime Minister Modi in Russia in "
            "2024.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Moscow",
                    "date": "2023-12-26",
                },
                {"type": "agreement_signed", "actors": ["IND", "RUS"], "domain": "energy"},
                {"type": "meeting_announced", "actors": ["IND", "RUS"], "date": "2024"},
            ],
            "2023-12-28",
        ),
        (  # "rose 26.3% from 2022": the base year, not the figure's period
            "Trade between China and Russia climbed to a record $240.1 billion in 2023. Two-way trade rose "
            "26.3% from 2022. China's exports to Russia surged 46.9% to $110.97 billion.",
            [
                {
                    "type": "trade_volume",
                    "value_usd": 240.1e9,
                    "period": "2023",
                    "change_pct": 26.3,
                },
                {
                    "type": "trade_volume",
                    "value_usd": 110.97e9,
                    "period": "2023",
                    "flow": "exports",
                },
            ],
            "2024-01-12",
        ),
        (  # a Treasury official's warning; "sanctioned Russian individuals" are under sanctions, not a new act
            "Deputy Treasury Secretary Wally Adeyemo has written to TUSIAD, Turkey's leading business "
            "association, warning that Turkish banks could face sanctions if they do business with Russian "
            'entities. "Turkish banks cannot expect to transact with sanctioned Russian individuals," the letter '
            "said.",
            [{"type": "sanctions_threatened", "by": ["USA"], "target": ["TUR"]}],
            "2022-08-24",
        ),
        (  # a joint statement issued at the end of a visit carries the visit's last day
            "Lula met Chinese Vice President Han Zheng in Shanghai on Wednesday. Xi Jinping welcomed Lula at the Great Hall of the People in "
            "Beijing on Friday before talks. In a joint statement issued after the meeting, the two governments "
            "called for dialogue.",
            [
                {"type": "meeting_held", "actors": ["BRA", "CHN"], "location": "Shanghai"},
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "CHN"],
                    "location": "Beijing",
                    "date": "2023-04-14",
                },
                {"type": "joint_statement", "actors": ["BRA", "CHN"], "date": "2023-04-14"},
            ],
            "2023-04-15",
        ),
        (  # a missile "landed in the sea"; "returning a visit" made earlier; an apposition restates the meeting
            "Kishida held a summit with Yoon Suk Yeol in Seoul on Sunday, returning a visit Yoon made to Tokyo "
            "in March. Hours before the summit, North Korea fired a missile that landed in the sea off Japan. "
            "Erdogan will meet Putin in Sochi on Monday, Turkish officials said, their first face-to-face meeting "
            "since May.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["JPN", "KOR"],
                    "location": "Seoul",
                    "date": "2023-05-07",
                },
                {
                    "type": "meeting_announced",
                    "actors": ["RUS", "TUR"],
                    "location": "Sochi",
                    "date": "2023-05-08",
                },
            ],
            "2023-05-08",
        ),
        (  # arriving in "the southern city of" a place is arriving in a place
            "Treasury Secretary Janet Yellen arrives in the southern city of Guangzhou on Thursday for talks "
            "with Vice Premier He Lifeng.",
            [{"type": "meeting_announced", "actors": ["CHN", "USA"], "location": "Guangzhou"}],
            "2024-04-02",
        ),
        (  # "He flies to Ottawa for talks": he travels, the city is no subject; "... will receive him"
            "London is the third stop on a tour that has taken Kishida to Paris and Rome. He flies to Ottawa for "
            "talks with Prime Minister Justin Trudeau on Thursday, and President Joe Biden will receive him at "
            "the White House on Friday. Bulgaria and Serbia are to receive Russian gas.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["CAN", "JPN"],
                    "location": "Ottawa",
                    "date": "2023-01-12",
                },
                {
                    "type": "meeting_announced",
                    "actors": ["JPN", "USA"],
                    "location": "Washington",
                    "date": "2023-01-13",
                },
            ],
            "2023-01-11",
        ),
        (  # the trip under way: "flies on to Doha tonight for talks" is a meeting to come
            "Modi held talks with Sheikh Mohamed bin Zayed in Abu Dhabi. He flies on to Doha tonight for talks "
            "with the Emir, Sheikh Tamim bin Hamad Al Thani.",
            [
                {"type": "meeting_held", "actors": ["ARE", "IND"], "location": "Abu Dhabi"},
                {
                    "type": "meeting_announced",
                    "actors": ["IND", "QAT"],
                    "location": "Doha",
                    "date": "2024-02-14",
                },
            ],
            "2024-02-14",
        ),
        (  # drills "off" a town the gazetteer lacks; "tensions with" a third state make it no party
            "Naval drills involving South Africa, Russia and China continued off Richards Bay on Wednesday. "
            "South Korea and the United States kicked off their annual combined exercise on Monday, as Seoul "
            "seeks to ease tensions with North Korea.",
            [
                {
                    "type": "military_exercise",
                    "actors": ["CHN", "RUS", "ZAF"],
                    "location": "Richards Bay",
                },
                {"type": "military_exercise", "actors": ["KOR", "USA"]},
            ],
            "2023-02-22",
        ),
        (  # "will stop in Tokyo for talks"; "as soon as circumstances allow" is no plan; a reciprocal access pact
            "Lee Jae-myung will stop in Tokyo on Saturday for talks with Shigeru Ishiba. Albanese and Kishida signed the "
            "Reciprocal Access Agreement. They agreed to meet in person as soon as circumstances allow.",
            [
                {"type": "meeting_announced", "actors": ["JPN", "KOR"], "location": "Tokyo"},
                {"type": "agreement_signed", "actors": ["AUS", "JPN"], "domain": "military"},
            ],
            "2025-08-18",
        ),
        (  # a dateline in the seat of a bloc; the lead's day for the next sentence's meeting; one deal per partner
            "BRUSSELS, June 27 - The European Union and Ukraine signed security commitments on Thursday. "
            "Volodymyr Zelensky met EU leaders at their summit in Brussels. Zelensky also signed bilateral "
            "security agreements with Estonia and Lithuania during the visit.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["EU", "UKR"],
                    "location": "Brussels",
                    "date": "2024-06-27",
                },
                {"type": "agreement_signed", "actors": ["EST", "UKR"], "domain": "military"},
                {"type": "agreement_signed", "actors": ["LTU", "UKR"], "domain": "military"},
            ],
            "2024-06-27",
        ),
        (  # a question about sanctions threatens none; a visit the news "came a week after" is a reference
            "Asked whether New Zealand would impose sanctions, Judith Collins said none were being considered. "
            "The announcement came barely a week after Chinese Foreign Minister Wang Yi, on a visit to "
            "Wellington, spoke of the two countries as partners.",
            [],
            "2024-03-26",
        ),
        (  # a patrol "in Syria's northwestern Idlib province": Syria is where, Idlib the place; a ceasefire agreed
            "Turkish and Russian troops carried out their first joint patrol along the M4 highway in Syria's "
            "northwestern Idlib province on Sunday. Erdogan and Putin agreed a ceasefire in Idlib on March 5 "
            "after six hours of talks in Moscow.",
            [
                {"type": "military_exercise", "actors": ["RUS", "TUR"], "location": "Idlib"},
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "location": "Moscow",
                    "date": "2020-03-05",
                },
                {"type": "agreement_signed", "actors": ["RUS", "TUR"], "domain": "military"},
            ],
            "2020-03-16",
        ),
        (  # "The previous goal, $30 billion": the target just set replaced it
            "Modi met Putin in Moscow. The two sides set a target of $100 billion in bilateral trade by 2030. The previous "
            "goal, $30 billion by 2025, was overtaken years ahead of schedule.",
            [
                {"type": "meeting_held", "actors": ["IND", "RUS"]},
                {
                    "type": "trade_target",
                    "value_usd": 100e9,
                    "target_year": 2030,
                    "previous_value_usd": 30e9,
                },
            ],
            "2024-07-10",
        ),
        (  # talks "where he had held" them earlier are told as past, a reference; a spaceport is a place
            "Xi Jinping held talks with Aleksandar Vucic in Belgrade on Wednesday. He had come from Paris, where "
            "he had held talks with Emmanuel Macron. Kim Jong Un and Vladimir Putin held talks at the Vostochny "
            "Cosmodrome on Wednesday.",
            [
                {"type": "meeting_held", "actors": ["CHN", "SRB"], "location": "Belgrade"},
                {"type": "meeting_held", "actors": ["PRK", "RUS"], "location": "Vostochny"},
            ],
            "2024-05-08",
        ),
        (  # "the two ministers" who just met, now due for talks with a third; "On Wednesday he travels"
            "Antony Blinken and British Foreign Secretary David Lammy held talks in London on Tuesday. The two "
            "ministers are due in Kyiv on Wednesday for talks with President Volodymyr Zelensky.",
            [
                {"type": "meeting_held", "actors": ["GBR", "USA"], "location": "London"},
                {"type": "meeting_announced", "actors": ["GBR", "UKR", "USA"], "location": "Kyiv"},
            ],
            "2024-09-10",
        ),
        (
            "Lula met Alberto Fernandez in Buenos Aires on Monday. On Wednesday he travels to Montevideo for "
            "talks with Uruguayan President Luis Lacalle Pou, who has pursued a trade deal with China.",
            [
                {"type": "meeting_held", "actors": ["ARG", "BRA"], "location": "Buenos Aires"},
                {"type": "meeting_announced", "actors": ["BRA", "URY"], "location": "Montevideo"},
            ],
            "2023-01-23",
        ),
        (  # "said in a joint statement": the story's day; "were cancelling" is no called-off event
            "LONDON, Sept 10 - The United States imposed new sanctions on Iran on Tuesday. Britain, France and "
            "Germany said in a joint statement that they were cancelling their air services agreements with Iran.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["IRN"]},
                {"type": "joint_statement", "actors": ["DEU", "FRA", "GBR"], "date": "2024-09-10"},
            ],
            "2024-09-10",
        ),
        (  # a meeting "held" with neither day nor place is a passing mention, too little to alert on
            "A visit by Putin to Turkey has been discussed for more than a year without materialising. "
            "Business leaders of the two countries also met.",
            [],
            "2024-02-06",
        ),
        (  # a deal's own words run on to what it is about; fresh produce is farming
            "Following the talks, India and Germany signed a Treaty on Mutual Legal Assistance in Criminal "
            "Matters. Defence ties were also discussed. South Africa and China signed a protocol on the export "
            "of South African fresh produce to China.",
            [
                {"type": "agreement_signed", "actors": ["DEU", "IND"], "domain": "other"},
                {"type": "agreement_signed", "actors": ["CHN", "ZAF"], "domain": "agriculture"},
            ],
            "2024-10-25",
        ),
        (  # "retaliated with" duties imposes them
            "Trump raised tariffs on Chinese goods to 145% in April, and Beijing retaliated with 125% duties on "
            "American products.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"], "date": "2025-04"},
                {"type": "sanctions_imposed", "by": ["CHN"], "target": ["USA"]},
            ],
            "2025-05-12",
        ),
        (  # "it" is the state that opens the sentence before; "It has been excluded" is the goods, no one's act
            "The EU imposed duties on Chinese electric vehicles on Wednesday. China said it did not accept the "
            "ruling. It imposed provisional anti-dumping measures on brandy imported from the EU. Russian wheat "
            "is popular. It has been excluded from the Chinese market.",
            [
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"]},
                {"type": "sanctions_imposed", "by": ["CHN"], "target": ["EU"]},
            ],
            "2024-10-30",
        ),
        (  # reports the Kremlin "played down" are no plan
            "The Kremlin on Tuesday played down Turkish media reports that President Vladimir Putin would "
            "travel to Turkey next week, saying no dates had been agreed.",
            [],
            "2024-02-06",
        ),
        (  # "the two leaders" stay the pair though a "South Korean city" is named
            "Lee Jae-myung and Shigeru Ishiba met in Tokyo on Saturday. The two leaders agreed to meet again in "
            "the South Korean city of Gyeongju at the end of October.",
            [
                {"type": "meeting_held", "actors": ["JPN", "KOR"], "location": "Tokyo"},
                {
                    "type": "meeting_announced",
                    "actors": ["JPN", "KOR"],
                    "location": "Gyeongju",
                    "date": "2025-10",
                },
            ],
            "2025-08-24",
        ),
        (  # "before the end of the year" is no clause of its own: the year of the visit to come
            "Modi spoke by telephone with Putin on Friday. Ushakov said Putin would travel to India for the "
            "annual bilateral summit before the end of the year.",
            [
                {"type": "meeting_held", "actors": ["IND", "RUS"], "format": "call"},
                {"type": "meeting_announced", "actors": ["IND", "RUS"], "date": "2025"},
            ],
            "2025-08-08",
        ),
        (  # talks "later on" the same day are where that day's meeting was; "is expected to receive Singh"
            "BEIJING, Dec 7 - Charles Michel and Ursula von der Leyen met Xi Jinping in Beijing on Thursday. "
            "Michel and von der Leyen will hold a second round of talks with Premier Li Qiang later on Thursday. "
            "Putin is expected to receive Rajnath Singh at the Kremlin next week.",
            [
                {"type": "meeting_held", "actors": ["CHN", "EU"], "location": "Beijing"},
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "EU"],
                    "location": "Beijing",
                    "date": "2023-12-07",
                },
                {"type": "meeting_announced", "actors": ["IND", "RUS"], "location": "Moscow"},
            ],
            "2023-12-07",
        ),
        (  # consultations "on the case" are a process; the video call they were agreed in is the meeting
            "Wang Wentao and Valdis Dombrovskis agreed to launch consultations on the case during a video call "
            "on June 22.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "EU"],
                    "format": "video",
                    "date": "2024-06-22",
                }
            ],
            "2024-07-04",
        ),
        (  # an "imbalance" is no bilateral figure; "traded $X" is the total; "should help lift trade above $X"
            "Von der Leyen said a trade imbalance had swollen to nearly 400 billion euros. The two countries "
            "traded $762 billion in goods last year, with Canada the largest buyer of American exports. "
            "Al-Zeyoudi said the agreement should help lift annual bilateral trade above $10 billion within five "
            "years.",
            [
                {"type": "trade_volume", "value_usd": 762e9, "flow": "total", "period": "2024"},
                {"type": "trade_target", "value_usd": 10e9},
            ],
            "2025-02-02",
        ),
        (  # "the three navies" of the leaders just listed; a base, a zone and a sea as places; "off Alaska" watched
            "Biden, Kishida and Yoon met at Camp David. The three navies staged a ballistic missile defence "
            "exercise in the Sea of Japan in July after North Korea tested a missile. Russian and Chinese "
            "bombers flew a joint patrol over the Bering Sea on Wednesday, the first time they have operated "
            "together off Alaska. Thai and Chinese air force units began a joint exercise at Udon Thani air "
            "base on Monday. Russian and Turkish servicemen carried out a joint patrol in Syria's Idlib "
            "de-escalation zone on Sunday.",
            [
                {"type": "meeting_held", "actors": ["JPN", "KOR", "USA"], "location": "Camp David"},
                {
                    "type": "military_exercise",
                    "actors": ["JPN", "KOR", "USA"],
                    "location": "Sea of Japan",
                },
                {"type": "military_exercise", "actors": ["CHN", "RUS"], "location": "Bering Sea"},
                {"type": "military_exercise", "actors": ["CHN", "THA"], "location": "Udon Thani"},
                {"type": "military_exercise", "actors": ["RUS", "TUR"], "location": "Idlib"},
            ],
            "2023-08-19",
        ),
        (  # Japan's trade ministry by its name, warning it could strike Korea off its white list
            "The Ministry of Economy, Trade and Industry also warned that it could strike South Korea off its "
            '"white list" of trusted trading partners.',
            [{"type": "sanctions_threatened", "by": ["JPN"], "target": ["KOR"]}],
            "2019-07-01",
        ),
        (  # an action plan signed; a memorandum signed "during the meeting" is the pair's; hydrogen is energy
            "Meloni held talks with Premier Li Qiang, after which the two governments signed a three-year action "
            "plan to implement their partnership. Albanese met Boric in Santiago on Monday. During the meeting, "
            "the ministers signed a Memorandum of Understanding on green hydrogen.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "ITA"]},
                {"type": "meeting_held", "actors": ["AUS", "CHL"], "location": "Santiago"},
                {"type": "agreement_signed", "actors": ["AUS", "CHL"], "domain": "energy"},
            ],
            "2024-07-29",
        ),
        (  # "including one on X and another on Y": two deals when their subjects differ; not two of one kind
            "Hungary and China signed 18 agreements, including one on cooperation in the peaceful use of nuclear "
            "energy and another on the Budapest-Belgrade railway. India and Russia signed 28 agreements, "
            "including a programme of military-technical cooperation and a contract for the joint production of "
            "600,000 assault rifles.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "HUN"], "domain": "energy"},
                {"type": "agreement_signed", "actors": ["CHN", "HUN"], "domain": "other"},
                {"type": "agreement_signed", "actors": ["IND", "RUS"], "domain": "military"},
            ],
            "2024-05-10",
        ),
    ],
)
def test_phrasings_from_the_twenty_first_and_second_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        (  # "the Uzbek city of Samarkand": the adjective says where, not who takes part
            "Erdogan will fly to Sochi on Monday for talks with Putin. The two leaders last met in the Uzbek city "
            "of Samarkand in September.",
            [
                {"type": "meeting_announced", "actors": ["RUS", "TUR"], "location": "Sochi"},
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "location": "Samarkand",
                    "date": "2022-09",
                },
            ],
            "2022-10-01",
        ),
        (  # a conversation over dinner, in a named place, is in person; the statement "afterwards" has its day
            "Xi and Macron held talks and a long conversation over tea in Guangzhou on Friday. Afterwards they "
            "issued a joint statement on climate.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "FRA"],
                    "location": "Guangzhou",
                    "date": "2023-04-07",
                    "format": "in_person",
                },
                {"type": "joint_statement", "actors": ["CHN", "FRA"], "date": "2023-04-07"},
            ],
            "2023-04-08",
        ),
        (  # an invitation to a capital "later this year" announces a visit
            "Lula invited Xi to Brasilia later this year for the opening of a new bridge.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["BRA", "CHN"],
                    "location": "Brasilia",
                    "date": "2024",
                }
            ],
            "2024-03-02",
        ),
        (  # the ministries "in Tokyo and Seoul" report; the threat a drill counters takes no part in it
            "Two Chinese and two Russian bombers flew a joint patrol over the East China Sea on Tuesday, the "
            "defence ministries in Tokyo and Seoul said. In April, the navies of Japan, South Korea and the "
            "United States held a missile defence drill to counter North Korean threats.",
            [
                {
                    "type": "military_exercise",
                    "actors": ["CHN", "RUS"],
                    "location": "East China Sea",
                },
                {"type": "military_exercise", "actors": ["JPN", "KOR", "USA"]},
            ],
            "2023-06-07",
        ),
        (  # "the American president" is a leader by title; a deal's own sentence names its field before the
            # defence talk of the sentences before; a host named in the dateline's capital hosts there
            "WASHINGTON, May 3 - The allies are close. Marles met Hegseth on Friday to discuss missiles and "
            "submarines. On Thursday, "
            "the two science ministers signed an agreement under which Australia will build a lunar rover. "
            "Trump will host Albanese on Tuesday. Last year the American president hosted Kishida and Yoon at "
            "Camp David for a summit.",
            [
                {"type": "meeting_held", "actors": ["AUS", "USA"], "date": "2025-05-02"},
                {"type": "agreement_signed", "actors": ["AUS", "USA"], "domain": "other"},
                {
                    "type": "meeting_announced",
                    "actors": ["AUS", "USA"],
                    "location": "Washington",
                    "date": "2025-05-06",
                },
                {
                    "type": "meeting_held",
                    "actors": ["JPN", "KOR", "USA"],
                    "location": "Camp David",
                    "date": "2024",
                },
            ],
            "2025-05-03",
        ),
        (  # a "maritime cooperative activity" is a joint drill; ministers the gazetteer now lists by name
            "The navies of Japan and the Philippines held a maritime cooperative activity in the South China "
            "Sea on Sunday. Teodoro and Shin Won-sik held talks in Manila on Monday.",
            [
                {
                    "type": "military_exercise",
                    "actors": ["JPN", "PHL"],
                    "location": "South China Sea",
                },
                {
                    "type": "meeting_held",
                    "actors": ["KOR", "PHL"],
                    "location": "Manila",
                    "date": "2024-06-03",
                },
            ],
            "2024-06-04",
        ),
        (  # the field whose word stands nearest the deal decides ("the fruit of ... Petroleum"), a price
            # in rupees names none; a sum restated in several currencies counts at its dollar value
            "Gazprom and China National Petroleum Corp signed the contract, the fruit of ten years of talks, "
            "in May 2014. The People's Bank of China and the Saudi Central Bank signed a currency swap "
            "agreement on Monday worth 50 billion yuan, or 26 billion riyals, about US$6.93 billion.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "RUS"], "domain": "energy"},
                {
                    "type": "agreement_signed",
                    "actors": ["CHN", "SAU"],
                    "domain": "finance",
                    "value_usd": 6930000000,
                },
            ],
            "2023-11-21",
        ),
        (  # a package over many fields is of none; a visit "postponed from late March" took place
            "Shehbaz Sharif and Xi Jinping witnessed the signing of 23 agreements on cooperation in infrastructure, mining, "
            "agriculture, health and the media. Lula met Xi at the Great Hall of the People on Friday, in a "
            "visit that had been postponed from late March.",
            [
                {"type": "agreement_signed", "actors": ["CHN", "PAK"], "domain": "other"},
                {
                    "type": "meeting_held",
                    "actors": ["BRA", "CHN"],
                    "location": "Beijing",
                    "date": "2023-04-14",
                },
            ],
            "2023-04-15",
        ),
        (  # "it" after a time phrase, and "it" again in the next sentence: the state that opened the first
            "European Union tariffs on electric vehicles made in China took effect on Wednesday. Beijing has "
            "already hit back. Earlier this month it imposed anti-dumping measures on brandy imported from the "
            "EU. It has also warned it could raise tariffs on cars imported from the bloc.",
            [
                {"type": "sanctions_imposed", "by": ["EU"], "target": ["CHN"]},
                {"type": "sanctions_imposed", "by": ["CHN"], "target": ["EU"]},
                {"type": "sanctions_threatened", "by": ["CHN"], "target": ["EU"]},
            ],
            "2024-10-30",
        ),
        (  # "nuclear planning" is a noun, not a plan; "at a White House summit" names its place; "visits of
            # U.S. strategic assets" are ships and planes; refiners in talks with a company are no state
            "Yoon and Biden on Wednesday adopted a declaration giving Seoul a say in nuclear planning, at a White "
            "House summit. The declaration provides for periodic visits of U.S. strategic assets. Chinese state "
            "refiners are in talks with Aramco over volumes for next year.",
            [
                {
                    "type": "meeting_held",
                    "actors": ["KOR", "USA"],
                    "location": "Washington",
                    "date": "2023-04-26",
                }
            ],
            "2023-04-27",
        ),
        (  # an en dash between words joins them: "the China\u2013Central Asia Summit" names no Central Asian party
            "On Thursday, Tokayev will take part in the first China\u2013Central Asia Summit in Xi'an, with the "
            "leaders of China and Uzbekistan.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "KAZ", "UZB"],
                    "location": "Xi'an",
                    "date": "2023-05-18",
                }
            ],
            "2023-05-17",
        ),
        (  # a conference named after its city places a meeting on its sidelines; "talks, held at the White
            # House" names their place; a second verb's "by phone" is another meeting's format
            "Iwaya is expected to meet Rubio on the sidelines of the Munich Security Conference later this month. "
            "Ishiba and Trump vowed closer ties in talks on Friday, held at the White House. Erdogan "
            "and Putin had last met in person in October in Astana, and spoke by phone on Aug. 2.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["JPN", "USA"],
                    "location": "Munich",
                    "date": "2025-02",
                },
                {
                    "type": "meeting_held",
                    "actors": ["JPN", "USA"],
                    "location": "Washington",
                    "date": "2025-02-07",
                },
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "location": "Astana",
                    "date": "2024-10",
                    "format": "in_person",
                },
                {"type": "meeting_held", "actors": ["RUS", "TUR"], "format": "call"},
            ],
            "2025-02-08",
        ),
        (  # ", and met in Bangkok": the subjects of the sentence's first clause met, not an aside's Filipino
            "Xi and Marcos first spoke by phone in May, shortly after the Filipino leader's election victory, and "
            "met in person for the first time in Bangkok in November.",
            [
                {"type": "meeting_held", "actors": ["CHN", "PHL"], "format": "call"},
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "PHL"],
                    "location": "Bangkok",
                    "date": "2022-11",
                },
            ],
            "2023-01-05",
        ),
        (  # EU ministers "meeting in Luxembourg" meet among themselves; the town is neither party nor imposer
            "EU foreign ministers meeting in Luxembourg on Monday imposed asset freezes on 78 Belarusian "
            "officials.",
            [{"type": "sanctions_imposed", "by": ["EU"], "target": ["BLR"], "date": "2021-06-21"}],
            "2021-06-21",
        ),
        (  # the state a deal is aimed at is no party; "the fruit of" is no farm produce; a tariff's
            # coverage is no trade figure; talks "after" which a minister spoke in a capital were held there
            "The United States and Japan reached an agreement on Friday to restrict China's access to chip "
            "tools. It is the fruit of a supply contract that Gazprom and China National Petroleum Corp signed "
            "in 2014, a deal valued at about $400 billion. Washington will halve the tariff it imposed on Sept. 1 on about $120 billion of Chinese "
            "goods. Jaishankar made that point in Moscow last Thursday after talks with Lavrov.",
            [
                {"type": "agreement_signed", "actors": ["JPN", "USA"]},
                {"type": "agreement_signed", "actors": ["CHN", "RUS"], "domain": "energy"},
                {
                    "type": "meeting_held",
                    "actors": ["IND", "RUS"],
                    "location": "Moscow",
                    "date": "2025-08-21",
                },
            ],
            "2025-08-27",
        ),
        (  # "left for Vienna ... and is due to hold talks": the talks are there; an open question is no plan
            "Modi left for Vienna on Tuesday afternoon and is due to hold talks with Chancellor Karl Nehammer on "
            "Wednesday. It is not yet clear whether Putin, who faces an arrest warrant, will travel to Rio de "
            "Janeiro for the summit. The Kremlin said no dates had been fixed for a visit by Putin to Turkey.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["AUT", "IND"],
                    "location": "Vienna",
                    "date": "2024-07-10",
                }
            ],
            "2024-07-09",
        ),
        (  # "The two leaders" are the article's pair as of the sentence before, not the asides' states; a
            # patrol's place is not where the deal behind it was reached; "a call on" a leader is in person
            "Russian and Turkish troops carried out their first joint patrol along the M4 highway in Syria's "
            "Idlib province on Sunday, under a ceasefire deal reached in Moscow earlier this month. Putin and "
            "Erdogan agreed the ceasefire on March 5. The two leaders had spoken by phone on Feb. 28, a day "
            "after Turkish soldiers were killed in an air strike that Ankara blamed on Syrian forces. Wang Yi "
            "wrapped up a visit to India on Tuesday with a call on Prime Minister Narendra Modi.",
            [
                {"type": "military_exercise", "actors": ["RUS", "TUR"], "location": "Idlib"},
                {"type": "agreement_signed", "actors": ["RUS", "TUR"], "domain": "military"},
                {
                    "type": "meeting_held",
                    "actors": ["RUS", "TUR"],
                    "date": "2020-02-28",
                    "format": "call",
                },
                {"type": "meeting_held", "actors": ["CHN", "IND"], "format": "in_person"},
            ],
            "2020-03-15",
        ),
        (  # the town one returns to is no meeting place; "Minister German Umana" is a man, not Germany; "next
            # year" is a target's year
            "Lula flies to Abu Dhabi on Saturday for talks with UAE President Sheikh Mohamed bin Zayed before "
            "returning to Brasilia. Colombian Trade Minister German Umana has set a goal of lifting trade with "
            "Venezuela to $1.2 billion next year.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["ARE", "BRA"],
                    "location": "Abu Dhabi",
                    "date": "2022-11-05",
                },
                {
                    "type": "trade_target",
                    "actors": ["COL", "VEN"],
                    "value_usd": 1200000000,
                    "target_year": 2023,
                },
            ],
            "2022-11-01",
        ),
        (  # a state visit to a capital, or a minister "expected in" one, names its state as the host
            "Xi Jinping is due to make a state visit to Pretoria in August. Nigeria's foreign minister said Wang "
            "Yi was expected in Abuja in January.",
            [
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "ZAF"],
                    "location": "Pretoria",
                    "date": "2023-08",
                },
                {
                    "type": "meeting_announced",
                    "actors": ["CHN", "NGA"],
                    "location": "Abuja",
                    "date": "2024-01",
                },
            ],
            "2023-02-17",
        ),
        (  # ECOWAS is a bloc of the gazetteer
            "West Africa's regional bloc ECOWAS imposed sanctions on Niger on July 30.",
            [{"type": "sanctions_imposed", "by": ["ECOWAS"], "target": ["NER"]}],
            "2023-08-31",
        ),
        (  # figures that cover sales to every market are a global total, whatever partners they name
            "Turkey's exports rose to a record $254 billion last year, according to the trade ministry, figures "
            "that cover sales to every market from Germany to Iraq.",
            [],
            "2023-07-27",
        ),
        (  # the broker of a deal is no party; "Sudan's neighbours" meet about Sudan, without it
            "Iran and Saudi Arabia agreed on Friday to re-establish diplomatic relations, in a deal brokered by "
            "China. Leaders of Sudan's neighbours - Egypt, Ethiopia, Chad and South Sudan - met in Cairo on "
            "Thursday.",
            [
                {"type": "agreement_signed", "actors": ["IRN", "SAU"]},
                {
                    "type": "meeting_held",
                    "actors": ["EGY", "ETH", "SSD", "TCD"],
                    "location": "Cairo",
                    "date": "2023-03-09",
                },
            ],
            "2023-03-10",
        ),
        (  # "The previous one" is the article's meeting series, not the states of the aside after it
            "Xi Jinping and EU leaders held their summit in Beijing on Thursday. The previous one, held by video "
            "link in April 2022, weeks after Russia invaded Ukraine, was described as a dialogue of the deaf.",
            [
                {"type": "meeting_held", "actors": ["CHN", "EU"], "location": "Beijing"},
                {
                    "type": "meeting_held",
                    "actors": ["CHN", "EU"],
                    "date": "2022-04",
                    "format": "video",
                },
            ],
            "2023-12-08",
        ),
        (  # "including about 20 companies based in China": China is a target too
            "On May 1, the Treasury and State Department imposed sanctions on nearly 300 targets in Russia and "
            "beyond, including about 20 companies based in China.",
            [
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["RUS"]},
                {"type": "sanctions_imposed", "by": ["USA"], "target": ["CHN"]},
            ],
            "2024-05-16",
        ),
    ],
)
def test_phrasings_from_the_twenty_seventh_and_eighth_sets(
    text: str, expected: list[dict[str, Any]], published: str
) -> None:
    check(text, expected, published)
