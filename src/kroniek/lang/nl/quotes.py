"""Dutch cue lexicon for quotes and reported speech.

General Dutch only: verbs of saying and judging in their common finite and participle
forms, the separable verbs ("laat ... weten"), the adverbial cues ("aldus", "volgens"),
role nouns (as suffixes, so compounds like "defensiespecialist" match) and pronouns.
`kroniek.stages.quotes` reads these through `kroniek.lang.quote_lexicon("nl")`.
"""

from __future__ import annotations

__all__ = [
    "ACCORDING_TO",
    "AFTER_CUE",
    "COMPLEMENTIZERS",
    "CUE_VERBS",
    "DETERMINERS",
    "NAME_PARTICLES",
    "PARTICLE_VERBS",
    "PRONOUNS",
    "ROLE_SUFFIXES",
    "SPEAKER_STOP",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

# Finite forms and participles of verbs that introduce speech, writing or a judgement.
CUE_VERBS = _words(
    """
    zegt zeg zeggen zei zeiden gezegd
    stelt stellen stelde stelden gesteld
    verklaart verklaren verklaarde verklaarden verklaard
    meldt melden meldde meldden gemeld
    vertelt vertellen vertelde vertelden verteld
    benadrukt benadrukken benadrukte benadrukten benadrukt
    waarschuwt waarschuwen waarschuwde waarschuwden gewaarschuwd
    verwacht verwachten verwachtte verwachtten
    denkt denken dacht dachten
    vindt vinden vond vonden
    meent menen meende meenden
    vreest vrezen vreesde vreesden
    hoopt hopen hoopte hoopten
    erkent erkennen erkende erkenden erkend
    ontkent ontkennen ontkende ontkenden ontkend
    bevestigt bevestigen bevestigde bevestigden bevestigd
    beweert beweren beweerde beweerden beweerd
    schrijft schrijven schreef schreven geschreven
    twittert twitteren twitterde twitterden getwitterd
    tweet tweette tweetten
    antwoordt antwoorden antwoordde antwoordden geantwoord
    reageert reageren reageerde reageerden gereageerd
    concludeert concluderen concludeerde concludeerden geconcludeerd
    betoogt betogen betoogde betoogden betoogd
    onderstreept onderstrepen onderstreepte onderstreepten
    constateert constateren constateerde constateerden geconstateerd
    oordeelt oordelen oordeelde oordeelden
    beklemtoont beklemtoonde
    belooft beloven beloofde beloofden beloofd
    verzekert verzekerde
    herhaalt herhaalde
    vervolgt vervolgde
    vraagt vroeg vroegen gevraagd
    roept riep
    verwijt verweet verweten
    bestempelt bestempelde bestempelden
    beticht betichtte betichtten
    aankondigde aangekondigd kondigde
    uitspreekt uitsprak
    oordeelt
    suggereert suggereerde
    claimt claimde claimden geclaimd
    eist eiste eisten
    noemt noemde noemden
    postte postten post
    getuigt getuigde getuigden getuigd
    verwerpt verwierp verworpen
    scandeert scandeerde scandeerden
    reageert
    bezwoer bezweert
    verweet verwijten
    aldus
    """
)

# Finite verbs whose cue is completed by a particle later in the clause.
PARTICLE_VERBS = {
    "laat": "weten", "liet": "weten", "lieten": "weten", "laten": "weten",
    "legt": "uit", "legde": "uit", "legden": "uit",
    "voegt": "toe", "voegde": "toe", "voegden": "toe",
    "geeft": "aan", "gaf": "aan", "gaven": "aan",
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
    "voorman": "leader", "vrouw": "person", "man": "person", "jongen": "person",
    "meisje": "person", "getuige": "person", "buurman": "person", "buurvrouw": "person", "moeder": "person", "vader": "person",
}

# Pronouns that can stand for a speaker: value = "m", "f", "pl" or "any".
PRONOUNS = {
    "hij": "m", "zij": "any", "ze": "any", "haar": "f", "hem": "m", "hen": "pl", "hun": "pl",
}
