"""Dutch cue lexicon for quotes and reported speech.

General Dutch only: verbs of saying and judging in their common finite and participle
forms, the separable verbs ("laat ... weten"), the adverbial cues ("aldus", "volgens"),
role nouns (as suffixes, so compounds like "defensiespecialist" match) and pronouns.
`kroniek.stages.quotes` reads these through `kroniek.lang.quote_lexicon("nl")`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ACCORDING_TO",
    "AFTER_CUE",
    "CLAUSE_VERBS",
    "COMPLEMENTIZERS",
    "CUE_NOUNS",
    "CUE_VERBS",
    "IMPERSONAL",
    "DETERMINERS",
    "NAME_PARTICLES",
    "NON_SPEECH",
    "ORG_NOUNS",
    "PARTICLE_VERBS",
    "PRONOUNS",
    "ROLE_SUFFIXES",
    "SPEAKER_STOP",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

def _read_cues() -> dict[str, frozenset[str]]:
    """cues.tsv beside this module: one form a line with its kind (verb, clause, noun)."""
    kinds: dict[str, set[str]] = {}
    text = (Path(__file__).parent / "cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, kind = line.split("\t")
        kinds.setdefault(kind, set()).add(form)
    return {k: frozenset(v) for k, v in kinds.items()}


_CUES = _read_cues()
# Finite forms and participles of verbs that introduce speech, writing or a judgement.
CUE_VERBS = _CUES["verb"]
# Verbs of knowing, seeing and wanting: a cue only when a dat/of clause follows ("ziet
# dat", "wil dat", "weet niet of").
CLAUSE_VERBS = _CUES["clause"]
# Nouns of saying that carry reported content ("het bericht dat …", "de oproep van X om").
CUE_NOUNS = _CUES["noun"]
# Impersonal passives: "Gevreesd wordt dat …", "Er wordt verwacht dat …".
IMPERSONAL = frozenset({
    "gevreesd", "verwacht", "gezegd", "gemeld", "aangenomen", "gespeculeerd", "beweerd",
    "gesteld", "gedacht", "gehoopt", "vermoed", "gesuggereerd", "gefluisterd", "geopperd",
    "betwijfeld", "verondersteld", "bericht",
})
# A cue verb read with one of these particles or a reflexive is not speech ("meldde zich
# aan", "stelt de verwachting bij", "zegt het abonnement op").
NON_SPEECH = {
    "meld": frozenset({"aan", "af", "zich", "ziek", "beter"}),
    "stel": frozenset({"bij", "uit", "in", "aan", "op", "teleur", "zich", "beschikbaar",
                       "samen", "tevreden", "scherp", "vast", "veilig"}),
    "zeg": frozenset({"op", "af"}),
    "geef": frozenset({"op", "over", "uit", "door", "af", "terug", "vrij", "weer", "bloot"}),
    "vraag": frozenset({"aan", "op"}),
    "roep": frozenset({"terug", "in", "af"}),
    "schrijf": frozenset({"in", "uit", "over", "voor", "af"}),
    "vertel": frozenset({"zich"}),
    "noem": frozenset(),
    "houd": frozenset({"op", "aan", "in", "bij", "tegen", "van"}),
    "vind": frozenset({"plaats"}),
}
# The strong past forms do not start with the present stem: they share its particles
# ("vroeg het faillissement aan", "gaf het op", "hield vol" stays speech).
NON_SPEECH |= {
    "vroeg": NON_SPEECH["vraag"], "gaf": NON_SPEECH["geef"], "gav": NON_SPEECH["geef"],
    "schreef": NON_SPEECH["schrijf"], "schrev": NON_SPEECH["schrijf"],
    "riep": NON_SPEECH["roep"], "hield": NON_SPEECH["houd"], "vond": NON_SPEECH["vind"],
    "zei": NON_SPEECH["zeg"],
}


# Finite verbs whose cue is completed by a particle later in the clause.
PARTICLE_VERBS = {
    "laat": "weten", "liet": "weten", "lieten": "weten", "laten": "weten",
    "legt": "uit", "legde": "uit", "legden": "uit",
    "voegt": "toe", "voegde": "toe", "voegden": "toe",
    "geeft": "aan toe", "gaf": "aan toe", "gaven": "aan toe",
    "spreekt": "uit", "sprak": "uit", "spraken": "uit",
    "dringt": "aan", "drong": "aan", "drongen": "aan",
    "voert": "aan", "voerde": "aan", "voerden": "aan",
    "licht": "toe", "lichtte": "toe", "lichtten": "toe",
    "stipt": "aan", "stipte": "aan", "kaart": "aan", "kaartte": "aan",
    "toont": "aan", "toonde": "aan", "toonden": "aan",
    "blikt": "terug", "blikte": "terug", "keek": "terug",
    "tekent": "aan", "tekende": "aan",
    "brengt": "naar", "bracht": "naar",
    "wierp": "tegen", "werpt": "tegen",
    "stelt": "voor", "stelden": "voor",
    "kondigt": "aan", "kondigde": "aan", "kondigden": "aan",
    "wijst": "op", "wees": "op",
    "houdt": "vol", "hield": "vol",
    "merkt": "op", "merkte": "op",
    "deelt": "mee", "deelde": "mee",
    "maakt": "bekend", "maakte": "bekend",
    "gaat": "verder", "ging": "verder",
    "drukt": "hart", "drukte": "hart",
    "zegt": "toe", "zegde": "toe",
}
# The plural forms of the same verbs ("De onderzoekers wijzen erop dat", "hielden ze vol
# dat"): the past plural, and the present plural where it is not also the infinitive of an
# everyday verb ("een einde te maken", "te geven", "te houden"). Read by the rules only:
# the cue tagger's lexicon features leave them out (its weights were trained without them).
PARTICLE_PLURALS = {
    "voegen": "toe", "dringen": "aan", "lichten": "toe", "stippen": "aan", "stipten": "aan",
    "kaarten": "aan", "kaartten": "aan", "blikken": "terug", "blikten": "terug",
    "keken": "terug", "tekenen": "aan", "tekenden": "aan", "brachten": "naar",
    "wierpen": "tegen", "kondigen": "aan", "wijzen": "op", "wezen": "op", "hielden": "vol",
    "merken": "op", "merkten": "op", "deelden": "mee", "maakten": "bekend",
    "gingen": "verder", "drukten": "hart", "zegden": "toe",
}
PARTICLE_VERBS |= PARTICLE_PLURALS

# Cues that take the source as their object: "volgens X", "aldus X".
ACCORDING_TO = ("volgens", "aldus", "naar zeggen van", "bij monde van")

COMPLEMENTIZERS = frozenset({"dat", "of", "hoe", "waarom", "wat", "wie"})
DETERMINERS = frozenset({"de", "het", "een", "die", "dit", "deze"})
NAME_PARTICLES = frozenset(
    {"van", "de", "der", "den", "ter", "ten", "von", "al", "bin", "el", "la", "le", "du"}
)

# Words that cannot be part of a speaker noun phrase: a speaker written after its cue
# ("zegt de minister tegen de krant") ends before the first of these.
SPEAKER_STOP = _words(
    """
    in op tegen bij na tijdens voor met over tot sinds vanuit via om door vanaf
    dat of niet ook nog wel al dan daarom echter immers toch nu later eerder vanmorgen
    gisteren vandaag morgen eergisteren vorige vorig afgelopen deze dit
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    maandagavond dinsdagavond woensdagavond donderdagavond vrijdagavond zaterdagavond zondagavond
    zaterdagochtend zondagochtend vanochtend vanavond vannacht
    en maar want omdat terwijl als toen waarin waarna die dat wie wat
    ze zij hij het er
    """
)

# Words right after a cue that belong to the cue, not to the speaker.
AFTER_CUE = frozenset({"er", "eraan", "desgevraagd", "zelf", "daarover", "ook", "verder"})

# Role nouns, matched as word suffixes so compounds count ("defensiespecialist",
# "oud-minister", "Ruslanddeskundige"). The value is the role class used to decide which
# named person a bare role noun refers to.
ROLE_SUFFIXES = {
    "specialist": "expert", "expert": "expert", "deskundige": "expert", "analist": "expert",
    "onderzoeker": "expert", "hoogleraar": "expert", "wetenschapper": "expert",
    "socioloog": "expert", "econoom": "expert", "historicus": "expert", "kenner": "expert",
    "psycholoog": "expert", "politicoloog": "expert", "jurist": "expert", "advocaat": "expert",
    "minister": "official", "president": "official", "premier": "official",
    "staatssecretaris": "official", "burgemeester": "official", "wethouder": "official",
    "gouverneur": "official", "kanselier": "official", "ambassadeur": "official",
    "gedeputeerde": "official", "functionaris": "official", "diplomaat": "official", "gezant": "official",
    "woordvoerder": "spokesperson", "woordvoerster": "spokesperson",
    "zegsman": "spokesperson", "zegsvrouw": "spokesperson",
    "generaal": "military", "stafchef": "military", "legerchef": "military",
    "legerleider": "military", "legerleiding": "military",
    "politiechef": "official", "korpschef": "official", "commandant": "military", "bevelhebber": "military",
    "militair": "military", "kolonel": "military", "officier": "military",
    "sheriff": "official", "commissaris": "official",
    "directeur": "manager", "voorzitter": "manager", "topman": "manager",
    "topvrouw": "manager", "bestuurder": "manager", "baas": "manager", "ceo": "manager",
    "leider": "leader", "fractievoorzitter": "leader", "partijleider": "leader",
    "lijsttrekker": "leader", "parlementariër": "politician", "afgevaardigde": "politician", "kamerlid": "politician", "politicus": "politician",
    "senator": "politician", "journalist": "media", "correspondent": "media",
    "verslaggever": "media", "columnist": "media", "officier van justitie": "official",
    "rechter": "official", "agent": "official", "trainer": "manager", "coach": "manager",
    "arts": "expert", "dokter": "expert", "eigenaar": "manager", "schrijver": "media",
    "auteur": "media", "oprichter": "manager", "bewoner": "person", "inwoner": "person",
    "chirurg": "expert", "statisticus": "expert", "oloog": "expert", "betrokkene": "person", "kundige": "expert", "docent": "expert", "lector": "expert",
    "professor": "expert", "criminoloog": "expert", "bioloog": "expert", "psychiater": "expert",
    "klimatoloog": "expert", "epidemioloog": "expert", "deskundigen": "expert",
    "raadslid": "politician", "statenlid": "politician", "europarlementariër": "politician",
    "kandidaat": "politician", "campagneleider": "politician", "partijvoorzitter": "leader",
    "aanklager": "official", "openbaar aanklager": "official", "procureur": "official",
    "ambtenaar": "official", "inspecteur": "official", "rechercheur": "official",
    "soldaat": "military", "strijder": "military", "commando": "military",
    "redacteur": "media", "presentator": "media", "fotograaf": "media",
    "voorman": "leader", "vrouw": "person", "man": "person", "jongen": "person",
    "meisje": "person", "getuige": "person", "buurman": "person", "buurvrouw": "person", "moeder": "person", "vader": "person",
}

# Nouns that stand for an organisation named elsewhere in the article ("de dienst", "de
# organisatie", "de krant"): resolved to the latest organisation whose name fits.
ORG_NOUNS = frozenset({
    "organisatie", "groep", "dienst", "krant", "partij", "brigade", "bedrijf", "ministerie",
    "gemeente", "stichting", "vereniging", "club", "bond", "bank", "museum", "rekenkamer",
    "universiteit", "raad", "commissie", "instantie", "instelling", "platform", "omroep",
    "zender", "coalitie", "fractie", "actiegroep", "bureau", "planbureau",
    "organisaties", "partijen", "groepering", "beweging", "ziekenhuis", "school", "bisdom",
    "kerk", "supermarkt", "keten", "fabrikant", "maatschappij", "concern", "onderneming",
    "vakbond", "federatie", "agentschap", "inspectie", "toezichthouder", "instituut",
    "website", "site", "blad", "dagblad", "weekblad", "tijdschrift", "persbureau",
})

# Pronouns that can stand for a speaker: value = "m", "f", "pl" or "any".
PRONOUNS = {
    "hij": "m", "zij": "any", "ze": "any", "haar": "f", "hem": "m", "hen": "pl", "hun": "pl",
}
