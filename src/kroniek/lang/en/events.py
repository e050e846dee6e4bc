"""English event lexicon for `kroniek.stages.events` (see `kroniek.lang.nl.events`)."""

from __future__ import annotations

__all__ = [
    "SEAT_NOUNS",
    "AGGREGATE",
    "ARMED",
    "CRIME",
    "ELECTORAL",
    "FOILED",
    "ANAPHORIC",
    "CONDITIONAL_OPENERS",
    "CONTEXT",
    "DENIAL",
    "FICTION",
    "POLITICAL",
    "SPORT",
    "FATALITIES",
    "FUTURE",
    "HABITUAL",
    "HYPOTHETICAL",
    "NEGATION",
    "NOT_EVENTS",
    "PURPOSE",
    "NOUN_FORMS",
    "NUMBER_WORDS",
    "REFINE",
    "TRIGGERS",
]

TRIGGERS: list[tuple[str, str, bool]] = [
    (r"(?:heavy |fierce )?fighting|clash(?:es|ed)?|gunfights?|firefights?|gun\s?battles?|skirmish(?:es)?|battles?|"
     r"battle\s+(?:of|for)", "Armed clash", False),
    (r"fought|fight(?:s)?", "Armed clash", True),
    (r"(?:counter-?)?offensive|invasion|incursions?|invaded|advance[ds]?", "Armed clash", False),
    (r"operations?|struggle|conflict", "Armed clash", True),
    (r"attack(?:s|ed|ing)?|assault(?:s|ed)?|ambush(?:ed|es)?|raid(?:s|ed)?", "Armed clash", False),
    (r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|overr(?:an|un)|took\s+control|taken\s+control|occupied", "Non-state actor overtakes territory", False),
    (r"recaptur(?:e|ed|es|ing)|retook|retaken|regain(?:ed|s)?|liberat(?:e|ed|es)|push(?:ed)?\s+back|drove\s+out", "Government regains territory", False),
    (r"shell(?:ing|ed|s)?|artillery\s+(?:fire|strikes?)|rocket\s+(?:fire|attacks?)|missile\s+(?:strikes?|attacks?)|rockets?|missiles?|mortars?", "Shelling/artillery/missile attack", False),
    (r"air\s*strikes?|airstrikes?|air\s+raids?|bomb(?:ing|ings|ed)|drone\s+(?:strikes?|attacks?)", "Air/drone strike", False),
    (r"roadside\s+bombs?|landmines?|car\s+bombs?|IEDs?|explosions?|explosives?|blasts?|bombs?", "Remote explosive/landmine/IED", False),
    (r"suicide\s+(?:bomb(?:ing|er|ers)?|attacks?)", "Suicide bomb", False),
    (r"grenades?", "Grenade", False),
    (r"massacres?|shootings?|killings?|murder(?:s|ed)?|killed|shot\s+dead|executed|executions?|tortur(?:e|ed)|"
     r"assassinat(?:e|ed|ion|ions)|beat\s+up|beaten|ethnic\s+cleansing|lynched", "Attack", False),
    (r"abduct(?:ed|ion|ions|s)?|kidnap(?:ped|ping|pings)?|hostages?|taken\s+hostage", "Abduction/forced disappearance", False),
    (r"rap(?:e|ed|es)|sexual\s+violence|sexually\s+(?:abused|assaulted)|sexual\s+abuse", "Sexual violence", False),
    (r"protest(?:s|ed|ing)?|demonstrat(?:ion|ions|ed|ing)|rall(?:y|ies|ied)|marche[sd]|strikes?", "Peaceful protest", False),
    (r"riot(?:s|ing|ed)?|unrest|looting|looted|vandali[sz]ed", "Violent demonstration", False),
    (r"lynch(?:ed|ing|mob)?|mob\s+attack", "Mob violence", False),
    (r"arrest(?:s|ed|ing)?|detain(?:ed|s)?|detention|taken\s+into\s+custody", "Arrests", False),
    (r"ceasefire|cease-fire|truce|peace\s+(?:deal|agreement|accord)|prisoner\s+(?:swap|exchange)", "Agreement", False),
    (r"(?:military|air|drone|naval)\s+base|headquarters", "Headquarters or base established", True),
    (r"set\s+(?:\w+\s+){0,3}on\s+fire|torched|destroyed|demolished", "Looting/property destruction", False),
    (r"blew\s+up|blown\s+up", "Remote explosive/landmine/IED", False),
    (r"blocked\s+(?:\w+\s+){0,2}(?:roads?|streets?|bridges?|highways?|access|transport)|blockades?",
     "Peaceful protest", True),
    (r"defused|seized\s+weapons|weapons\s+cache|dismantled", "Disrupted weapons use", False),
    (r"withdr(?:ew|awn|awal)|pulled\s+out|handed\s+over", "Non-violent transfer of territory", True),
]

CONTEXT = (
    r"army|armies|troops|soldiers|military|militants?|rebels?|fighters|militias?|insurgents?|"
    r"jihadists?|terrorists?|police|forces|armed|weapons?|killed|dead|wounded|front|border|"
    r"protesters|demonstrators|opened|established|built"
)

REFINE: list[tuple[str, tuple[str, ...], str]] = [
    (r"drones?|warplanes?|jets?|aircraft|helicopters?|air\s+force",
     ("Armed clash", "Attack", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"),
     "Air/drone strike"),
    (r"rockets?|missiles?|artillery|mortars?|shells?|howitzers?",
     ("Armed clash", "Attack", "Remote explosive/landmine/IED"), "Shelling/artillery/missile attack"),
    (r"bombs?|explosives?|IEDs?|blast", ("Armed clash", "Attack"), "Remote explosive/landmine/IED"),
    (r"suicide", ("Attack", "Remote explosive/landmine/IED"), "Suicide bomb"),
    (r"civilians?|villagers|worshippers|church(?:es)?|mosques?|schools?|hospitals?|journalists?|children",
     ("Armed clash",), "Attack"),
    (r"tear\s*gas|water\s+cannons?|dispers(?:e|ed)|broke\s+up|intervened|prevented|opened\s+fire",
     ("Peaceful protest",), "Protest with intervention"),
    (r"stones|molotov|vandali\w+|set\s+fire|looting|rioters?|riots?",
     ("Peaceful protest",), "Violent demonstration"),
    (r"protesters|demonstrators|rioters", ("Looting/property destruction",), "Violent demonstration"),
    (r"shot\s+dead|live\s+(?:fire|ammunition)|killed", ("Protest with intervention",),
     "Excessive force against protesters"),
    (r"building|offices?|headquarters|shops?|stores?|banks?",
     ("Attack", "Armed clash"), "Looting/property destruction"),
]

NOUN_FORMS = (
    r"(?:\w*-)?(?:fighting|clash|battle|offensive|invasion|incursion|attack|assault|ambush|raid|"
    r"capture|recapture|shelling|fire|rocket|missile|mortar|strike|raid|bombing|explosion|blast|"
    r"bomb|mine|massacre|shooting|killing|murder|execution|abduction|kidnapping|hostage|rape|"
    r"protest|demonstration|rally|march|riot|unrest|looting|arrest|detention|ceasefire|truce|"
    r"deal|agreement|accord|base|headquarters|withdrawal)(?:s|es)?"
)

# "The government in Berlin fears protests": the seat of an authority, not an event place.
SEAT_NOUNS = r"government|cabinet|parliament|regime|authorities|rulers"

ANAPHORIC = r"(?:the|this|that|these|those)\s+(?:\w+\s+)?$"

NEGATION = r"not|no|never|nobody|n't|without|denied"
FOILED = r"foiled|thwarted|prevented|averted|disrupted"
DENIAL = r"den(?:y|ies|ied|ying)|refut\w+|rejected\s+claims"
AGGREGATE = (
    r"in\s+total|total|since|this\s+year|last\s+year|per\s+year|the\s+number\s+of|only|"
    r"annually|so\s+far|over\s+the\s+past|dozens|hundreds|more\s+than|fewer\s+than|less\s+than"
)
FICTION = (
    r"in\s+(?:the|a|this)\s+(?:film|movie|series|novel|game|video\s*game|music\s+video|play|episode)|"
    r"video\s*games?|characters?|fiction\w*|fictional|set\s+in\s+a\s+world"
)
SPORT = (
    r"matche?s?|league|goals?|coach|players?|champions?\w*|season|football|soccer|referee|"
    r"stadium|finals?|tournament|title|cup|tennis|golf|cycling"
)
ARMED = (
    r"army|troops|military|soldiers|fighters|rebels?|militias?|weapons?|rockets?|missiles?|"
    r"bombs?|dead|killed|wounded|violence|grenades?|artillery|tanks?|drones?"
)
ELECTORAL = (
    r"debates?|elections?|campaign\w*|voters?|seats?|polls?|ballot\w*|primar(?:y|ies)|"
    r"coalition\w*|party\s+leader\w*"
)
CRIME = (
    r"fraud\w*|brib\w*|laundering|drugs?|cocaine|theft|burglar\w*|robber\w*|extortion|"
    r"gang\w*|criminal\w*|domestic|drunk\w*|traffic"
)
POLITICAL = (
    r"terror\w*|jihad\w*|extremis\w*|radical\w*|politic\w*|part(?:y|ies)|minister\w*|mayor|"
    r"parliament\w*|government\w*|president\w*|journalist\w*|newspaper\w*|media|activist\w*|"
    r"protest\w*|demonstrat\w*|army|military|soldiers|rebels?|militias?|fighters|war|conflict\w*|"
    r"opposition|dissident\w*|ethnic|religio\w*|mosques?|church\w*|synagogues?|christians|"
    r"muslims|jews|racis\w*|(?-i:ISIS|IS)|Hamas|Hezbollah|Taliban|al-Qaeda|regime|junta|"
    r"civilians|villagers|troops|security\s+forces|refugees|prisoners|tortur\w*|massacre\w*|"
    r"armed|gunmen|militants?|guerrillas?|paramilitar\w*|separatists?|insurgents?"
)
FUTURE = (
    r"will|would\s+launch|shall|going\s+to|plans?\s+to|planned|intends?|next|tomorrow|"
    r"upcoming|expected\s+to|about\s+to|announced"
)
CONDITIONAL_OPENERS = r"if|unless|when|should"
HYPOTHETICAL = (
    r"unless|could|might|may|possible|potential|would|should|in\s+case|warn(?:s|ed)?|fears?|risk|"
    r"threaten(?:s|ed)?|threats?|plot(?:s|ted)?|conspir\w+|foiled|called\s+for|calls?\s+for|urged"
)
NOT_EVENTS = r"lodged\s+(?:a\s+)?(?:formal\s+)?protest|in\s+protest"

PURPOSE = r"\b(?:in\s+order\s+)?to\s+$"

# A "not" that stresses rather than denies ("not only were protesters arrested").
LITOTES = (
    r"not\s+only|not\s+for\s+nothing|no\s+fewer\s+than|not\s+less\s+than|not\s+the\s+first\s+time|"
    r"(?:no|not\s+a)\s+coincidence|not\s+by\s+chance"
)
# A possibility left open ("further arrests were not ruled out"): hypothetical.
POSSIBILITY = r"(?:not|n't|never)\s+(?:[\w-]+\s+){0,2}rul(?:e|es|ed|ing)\s+out|cannot\s+be\s+ruled\s+out"

HABITUAL = r"often|regularly|repeatedly|routinely|usually|every|each\s+(?:day|week)|daily|weekly|sometimes|for\s+years"

FATALITIES: list[str] = [
    r"(?P<n>{NUM})\s+(?:\w+\s+){0,2}(?:were|have\s+been|had\s+been|was|are)\s+(?:\w+\s+){0,2}killed",
    r"(?:killing|killed|kills)\s+(?:at\s+least\s+|some\s+|more\s+than\s+)?(?P<n>{NUM})",
    r"(?P<n>{NUM})\s+(?:people\s+|civilians\s+|soldiers\s+)?(?:dead|killed|deaths|fatalities)",
    r"death\s+toll\s+(?:\w+\s+){0,3}(?P<n>\d[\d,]*)",
]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
}  # fmt: skip
