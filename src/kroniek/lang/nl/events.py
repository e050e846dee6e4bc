"""Dutch event lexicon for `kroniek.stages.events`: triggers, refinements, modality cues.

Triggers are regular expressions matched case-insensitively on word boundaries; each names
an ACLED sub-type. `context` triggers are ambiguous words ("strijd", "operatie",
"botsing") that only count when a sentence also has a conflict word (`CONTEXT`).
Refinements re-type a trigger by the words around it ("aanval" with "drone" is an air
strike). All entries are general Dutch news vocabulary.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "SEAT_NOUNS",
    "AGGREGATE",
    "ARMED",
    "CRIME",
    "ELECTORAL",
    "EXPANDED_FORMS",
    "EXPANDED_NOUNS",
    "EXPANDED_NOUN_FORMS",
    "EXPANDED_VERBS",
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
    "PERIOD_FRAME",
    "SPAN",
    "HYPOTHETICAL",
    "NEGATION",
    "NOT_EVENTS",
    "PURPOSE",
    "NOUN_FORMS",
    "NUMBER_WORDS",
    "REFINE",
    "TRIGGERS",
]

# (pattern, sub_type, needs_context)
TRIGGERS: list[tuple[str, str, bool]] = [
    # Battles
    (r"(?:zware |hevige )?gevechten|vuurgevecht(?:en)?|veldslag(?:en)?", "Armed clash", False),
    # Words as often said of sport, politics and ideas ("de aanval van Ajax", "een inval"):
    # only with a conflict word nearby.
    (r"gevecht|schermutseling(?:en)?|(?:de\s+)?slag\s+(?:om|bij)", "Armed clash", True),
    (r"gevochten|vecht(?:en)?|vochten", "Armed clash", True),
    (r"(?:tegen)?offensief|invasie|inval(?:len)?|opmars|binnengevallen|binnenvallen", "Armed clash", True),
    (r"strijd|botsingen\s+tussen|ingreep|operatie|opereren|opereert|opereerden", "Armed clash", True),
    (r"aanval(?:len)?|aangevallen|aanvallen|aan\s+te\s+vallen|valt\s+\w+\s+aan|viel(?:en)?\s+(?:\w+\s+){0,3}aan", "Armed clash", True),
    (r"veroverd(?:e|en)?|veroveren|verovering|ingenomen|innemen|bezetten", "Non-state actor overtakes territory", True),
    (r"heroverd(?:e|en)?|heroveren|herovering|uitgejaagd", "Government regains territory", False),
    (r"verdreven|teruggedrongen", "Government regains territory", True),
    # Explosions/Remote violence
    (r"beschiet|beschieten|beschoot|beschoten|beschieting(?:en)?|artillerievuur|granaatvuur", "Shelling/artillery/missile attack", False),
    (r"raketaanval(?:len)?|raketinslag(?:en)?|raket(?:ten)?|granaatinslag(?:en)?|mortier\w*", "Shelling/artillery/missile attack", False),
    (r"afgeschoten|afgevuurd", "Shelling/artillery/missile attack", True),
    (r"luchtaanval(?:len)?|bombardement(?:en)?|gebombardeerd|bombardeer(?:de|den|t)?|bombarderen", "Air/drone strike", False),
    (r"drone-?aanval(?:len)?|drone-?aanvallen", "Air/drone strike", False),
    (r"bermbom(?:men)?|landmijn(?:en)?|autobom(?:men)?|bomaanslag(?:en)?|bomexplosie|bom(?:men)?|"
     r"(?:explosief|granaat|mijn)\s+(?:\w+\s+){0,3}ontploft(?:e)?", "Remote explosive/landmine/IED", False),
    (r"explosie(?:s)?|ontploft(?:e)?", "Remote explosive/landmine/IED", True),
    (r"zelfmoordaanslag(?:en)?|zelfmoordterrorist(?:en)?|zelfmoordenaar", "Suicide bomb", False),
    (r"handgranaat|handgranaten", "Grenade", False),
    # Violence against civilians
    (r"aanslag(?:en)?|schietpartij(?:en)?|schietdrama|schietincident|bloedbad|slachtpartij(?:en)?|massamoord|moordpartij(?:en)?|terreuraanslag", "Attack", False),
    (r"vermoord(?:e|en)?|vermoordde(?:n)?|doodde(?:n)?|gedood|doodgeschoten|neergeschoten|neergestoken|geëxecuteerd|executie(?:s)?|omgebracht", "Attack", False),
    (r"(?:bracht|brachten)\s+(?:\w+\s+){1,5}om(?!\w)", "Attack", False),
    (r"gemarteld|martelen|marteling(?:en)?|mishandeld|in\s+elkaar\s+geslagen|geliquideerd|"
     r"liquidatie(?:s)?|etnische\s+zuivering", "Attack", False),
    (r"ontvoerd(?:e|en)?|ontvoering(?:en)?|ontvoeren|gegijzeld|gijzeling(?:en)?|gijzelnemer\w*", "Abduction/forced disappearance", False),
    (r"verkracht(?:e|en|ing|ingen)?|seksueel\s+geweld|seksueel\s+misbruikt", "Sexual violence", False),
    # Protests and riots
    (r"\w*demonstratie(?:s)?|\w*betoging(?:en)?|protest(?:en|mars|actie|acties|manifestatie|bijeenkomst|dag)?|\w+protest(?:en)?|protestmars", "Peaceful protest", False),
    (r"demonstreer(?:t|de|den)|gedemonstreerd|demonstreren|protesteer(?:t|de|den)|geprotesteerd|protesteren", "Peaceful protest", False),
    (r"de\s+straat\s+op|(?:mensenmassa|staking(?:en)?|sit-in|mars)", "Peaceful protest", True),
    (r"rellen|relschoppers|ongeregeldheden|geweldsexplosie|plunder(?:en|ingen|ing|den|de)|geplunderd", "Violent demonstration", False),
    (r"gelyncht|lynchpartij|lynchen", "Mob violence", False),
    (r"traangas|waterkanon(?:nen)?|uiteengedreven|uiteengeslagen|charge(?:s|erde|erden)",
     "Protest with intervention", True),
    # Strategic developments
    (r"arrestatie(?:s)?|gearresteerd|arresteerde(?:n)?|arresteren|aanhouding(?:en)?|in\s+hechtenis\s+genomen", "Arrests", False),
    (r"opgepakt|oppakken|aangehouden", "Arrests", False),
    (r"wapenstilstand|staakt-het-vuren|vredesakkoord|vredesovereenkomst|gevangenenruil", "Agreement", False),
    (r"(?:drone-?|lucht|leger|marine|militaire\s+)basis|legerbasis|hoofdkwartier", "Headquarters or base established", True),
    (r"opgeblazen|bliezen\s+(?:\w+\s+){0,4}op", "Remote explosive/landmine/IED", False),
    (r"blokkeerden\s+(?:\w+\s+){0,2}(?:wegen|weg|straten|straat|brug|snelweg|toegang)|blokkade(?:s)?",
     "Peaceful protest", True),
    (r"in\s+brand\s+gestoken|staken\s+(?:\w+\s+){0,4}in\s+brand|ramde|geramd|vernield|verwoest", "Looting/property destruction", False),
    (r"wapens\s+(?:\w+\s+){0,2}in\s+beslag\s+genomen|onschadelijk\s+gemaakt|ontmanteld", "Disrupted weapons use", False),
    (r"teruggetrokken|terugtrekking|trokken\s+zich\s+terug|trekt\s+zich\s+terug", "Non-violent transfer of territory", True),
    # Protest, arrest and damage said without the usual nouns.
    (r"marcheerden|\w*(?:demonstranten|betogers|actievoerders)\s+(?:[\w'-]+\s+){0,6}?verzameld(?:en)?|"
     r"\w*(?:demonstranten|betogers|actievoerders)\s+(?:[\w'-]+\s+){0,6}?verzamelden", "Peaceful protest", False),
    (r"in\s+opstand", "Peaceful protest", True),
    (r"achter\s+de\s+tralies\s+(?:gezet|gegooid|verdwenen|belandd?e\w*)|"
     r"(?:zette|zetten|gooide|gooiden)\s+(?:\w+\s+){0,3}achter\s+de\s+tralies|gevangengezet", "Arrests", False),
    (r"ingegooid|beklad", "Looting/property destruction", False),
    # Arson and a storming crowd: ordinary crime and shoppers too, hence a conflict word or
    # the learned model's judgement.
    (r"brandstichting(?:en)?|brand\s+gesticht|sticht(?:te|ten)\s+(?:\w+\s+){0,3}brand", "Looting/property destruction", True),
    (r"bestorm(?:d|de|den|en|t|ing|ingen)", "Mob violence", True),
    # Violence said with compounds, separable verbs and synonyms.
    (r"bestook(?:t|te|ten)|bestookt|bestoken|belaagd(?:e|en)?|belaag(?:t|de|den)|belagen|"
     r"vergeldingsaanval(?:len)?|tegenaanval(?:len)?|grondaanval(?:len)?", "Armed clash", True),
    (r"(?:schoot|schoten|schiet)\s+(?:\w+\s+){1,4}dood|doodgestoken|(?:stak|staken)\s+(?:\w+\s+){1,4}dood",
     "Attack", False),
    (r"steekpartij(?:en)?|steekincident(?:en)?|mesaanval(?:len)?", "Attack", False),
    (r"gekaapt|kaping(?:en)?|kaapten|kaapte", "Abduction/forced disappearance", True),
    # Strategic developments outside battles (ACLED 2023: deployments and surrenders change a
    # group's activity; annexations transfer territory; coups, evacuations, extraditions: Other).
    (r"overgegeven|gaven\s+zich\s+(?:\w+\s+){0,3}over|gaf\s+zich\s+(?:\w+\s+){0,3}over|capitulatie|capituleerde(?:n)?|gecapituleerd|overgave",
     "Change to group/activity", True),
    (r"(?:troepen|soldaten|militairen|mariniers|gevechtseenheden)\s+(?:\w+\s+){0,4}(?:gestuurd|ingezet|"
     r"gestationeerd|uitgezonden|stuurt|stuurde|stuurden|zet\s+\w+\s+in)|troepenmacht\s+(?:\w+\s+){0,3}gestuurd",
     "Change to group/activity", False),
    (r"annexatie|geannexeerd|annexeerde(?:n)?|inlijving|ingelijfd", "Non-violent transfer of territory", False),
    (r"staatsgreep|couppoging|coup|putsch|staatsgreeppoging", "Other", True),
    (r"geëvacueerd|evacueerde(?:n)?|evacuatie(?:s)?", "Other", True),
    (r"uitgeleverd|uitlevering|uitleveren|leverde\s+(?:\w+\s+){0,3}uit", "Other", True),
    # A territory's fall: "de val van het kalifaat", "de val van Raqqa".
    (r"val\s+van\s+(?:het\s+kalifaat|(?:de\s+)?(?:stad|bolwerk|vesting|hoofdstad)\b|(?-i:[A-Z])\w+)",
     "Non-state actor overtakes territory", True),
]

# Words that make an ambiguous trigger a conflict event.
CONTEXT = (
    r"leger|legers|troepen|militair\w*|soldaten|strijders|rebellen|milities?|jihadist\w*|"
    r"islamisten|terrorist\w*|politie|oproerpolitie|agenten|bloedig\w*|gewapend\w*|wapens?|"
    r"doden|gewonden|front|grens|bezetting|regeringstroepen|krijgsmacht|veiligheidsdienst\w*|"
    r"demonstranten|betogers|actievoerders|aanhangers|opende|geopend|gevestigd|vestigde|"
    r"betoging\w*|demonstratie\w*|protest\w*|\w*wapen\w*|raket\w*|granaat\w*|gewond\w*|"
    r"gedood|doodgeschoten|slachtoffers?|schutters?|terreur\w*|aanslag\w*|oorlog\w*|"
    r"burgers|dorp\w*|geweld|vechten|gevochten|gevechten|bombardement\w*|beschiet\w*|beschoten|"
    r"bom\w*|explosie\w*|springstof\w*|grondgebied|piraten|kapers|gijzelaars"
)

# (words near the trigger, sub-types it applies to, new sub-type)
REFINE: list[tuple[str, tuple[str, ...], str]] = [
    (r"drone\w*|gevechtsvliegtuig\w*|straaljager\w*|luchtmacht|helikopter\w*|vliegtuigen",
     ("Armed clash", "Attack", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"),
     "Air/drone strike"),
    (r"raket\w*|artillerie\w*|granaat\w*|mortier\w*|antitankwapen|houwitser\w*",
     ("Armed clash", "Attack", "Remote explosive/landmine/IED"), "Shelling/artillery/missile attack"),
    (r"bom\b|bommen|autobom|bermbom|explosie\w*|explosieven|springstof\w*",
     ("Armed clash", "Attack"), "Remote explosive/landmine/IED"),
    (r"zelfmoord\w*", ("Attack", "Remote explosive/landmine/IED"), "Suicide bomb"),
    (r"burgers|burgerbevolking|dorpelingen|gelovigen|kerk\w*|moskee\w*|herders|christenen|"
     r"moslims|vrouwen en kinderen|school|scholen|ziekenhuis\w*|journalist\w*",
     ("Armed clash",), "Attack"),
    (r"traangas|waterkanon\w*|uiteengedreven|uiteengeslagen|charge|ingegrepen|greep in",
     ("Peaceful protest",), "Protest with intervention"),
    (r"stenen|brandbom\w*|molotov\w*|vernielingen|in brand|plunder\w*|relschoppers|rellen",
     ("Peaceful protest",), "Violent demonstration"),
    (r"demonstranten|betogers|actievoerders|gele hesjes",
     ("Looting/property destruction",), "Violent demonstration"),
    (r"doodgeschoten|scherp\s+geschoten|kogels",
     ("Protest with intervention",), "Excessive force against protesters"),
    # Shot at with small arms, not shelled ("beschoten met een vuurwapen"): ACLED's shelling is
    # artillery, missiles and rockets.
    (r"vuurwapen\w*|pistool|pistolen|geweer|geweren|kalasjnikov\w*|machinegeweer\w*|kogels?",
     ("Shelling/artillery/missile attack",), "Attack"),
    # An attack on a building, nobody hurt in the telling: property destruction.
    (r"pand|gebouw|kantoorpand|gevel|pui|kantoor|winkel\w*|bankgebouw|kiosk",
     ("Attack", "Armed clash"), "Looting/property destruction"),
]

# The clause opens with a condition ("als Oekraïne binnenvalt", "indien").
CONDITIONAL_OPENERS = r"als|indien|wanneer|mocht|mochten"

# Noun forms among the triggers (a definite noun presupposes its event; a verb does not).
NOUN_FORMS = (
    r"(?:\w*-)?(?:gevecht|schermutseling|offensief|invasie|inval|opmars|strijd|botsing|ingreep|"
    r"operatie|aanval|verovering|herovering|bezetting|beschieting|vuur|raket|inslag|mortier|"
    r"bombardement|bom|mijn|explosie|aanslag|granaat|granaten|schietpartij|bloedbad|partij|"
    r"moord|executie|marteling|ontvoering|gijzeling|verkrachting|demonstratie|betoging|protest|"
    r"\w*mars|staking|manifestatie|rellen|ongeregeldheden|explosie|plundering|arrestatie|"
    r"aanhouding|wapenstilstand|vuren|akkoord|overeenkomst|ruil|basis|hoofdkwartier|"
    r"terugtrekking|gas|kanon|liquidatie|drama|incident|zuivering)(?:en|s|len|ten|men|nen)?|"
    r"\w+(?:partij|aanslag|aanval|explosie|bombardement|gevecht|beschieting|ontvoering)(?:en|s|len)?|"
    r"\w+rellen|"
    r"\w*(?:protest|demonstratie|betoging)\w*"
)

# A definite noun that refers back to an event mentioned before ("de aanval", "het protest").
# (An adjective between ends in -e: "de zware aanval"; "de stad aanvallen" is a verb.)
# "De regering in Berlijn vreest voor protesten": a place after these nouns is where an
# authority sits, not where an event happens (events stage, choose_place).
SEAT_NOUNS = r"regering|kabinet|parlement|regime|autoriteiten|machthebbers"

ANAPHORIC = r"\b(?:de|het|die|deze|dat|dit)\s+(?:[\w-]+e\s+)?$"

NEGATION = r"niet|geen|nooit|niemand|nergens|zonder"
# A plot that was stopped: even "deze aanslag" did not happen ("werd verijdeld").
FOILED = r"verijdeld\w*|verijdelde\w*|voorkomen|tegengehouden|op\s+tijd\s+ontdekt"
# Verbs that deny what their complement says ("Hij ontkende gevochten te hebben").
DENIAL = r"ontken\w*|ontkend\w*|weerspr\w+|spreekt\s+\w*\s*tegen|sprak\s+\w*\s*tegen|ontkrachtt?\w*"
# Words that make a counted plural an aggregate ("vorig jaar slechts zes aanslagen").
AGGREGATE = (
    r"in\s+totaal|totaal|sinds|sindsdien|dit\s+jaar|vorig\s+jaar|afgelopen\s+jaar|per\s+jaar|"
    r"het\s+aantal|aantal|slechts|jaarlijks|tot\s+nu\s+toe|in\s+de\s+afgelopen|al\s+\w+\s+jaar|"
    r"tientallen|honderden|duizenden\s+(?:aanslagen|aanvallen|arrestaties)|meer\s+dan|minder\s+dan|ruim"
)
# An event told in fiction, film, games and art is no event.
# (Only words that say the sentence tells a story: a sentence that mentions a book beside a
# real attack is not fiction.)
FICTION = (
    r"(?:in|uit)\s+(?:de|het|een|die|deze)\s+(?:speel)?(?:film|serie|roman|game|videogame|clip|videoclip|"
    r"toneelstuk|musical|opera|strip|aflevering|thriller)|speelfilm\w*|videogame\w*|videoclip\w*|"
    r"personage\w*|hoofdpersoon|hoofdpersonage|toneelstuk\w*|speelt\s+zich\s+af|fictie\w*|"
    r"fictieve?|passiespel\w*|computerspel\w*|in\s+\w+-stijl|\w+-speelfilm\w*"
)
# Sport: "de strijd om de titel", "alle recente gevechten" of two clubs.
SPORT = (
    r"wedstrijd\w*|competitie\w*|doelpunt\w*|eredivisie|trainer\w*|coach|speler\w*|"
    r"kampioen\w*|seizoen\w*|voetbal\w*|elftal\w*|scheidsrechter\w*|stadion\w*|finale\w*|"
    r"toernooi\w*|titelstrijd|titel|speelronde|klassieker|topper|wielren\w*|schaats\w*|"
    r"tennis\w*|golf\w*|champions\s+league|europa\s+league|bekerfinale|goals?"
)
# Politics as a contest: an "aanval" or "strijd" among these words is a metaphor unless a
# military word is in the sentence too ("Wilders opende de aanval op Rutte").
ELECTORAL = (
    r"debat\w*|verkiezing\w*|campagne\w*|kiezer\w*|\w*zetel\w*|stembus\w*|peiling\w*|"
    r"lijsttrekker\w*|coalitie\w*|formatie|partijleider\w*|\w+-leider|fractie\w*|brexiteers?|"
    r"kamerlid|kamerleden|partijgeno\w*|oppositie\w*"
)
# Ordinary crime framing: an arrest or attack told with these needs a political word in its
# own sentence, not only nearby.
CRIME = (
    r"fraude\w*|omkoping\w*|witwas\w*|drugs\w*|cocaïne|diefstal\w*|inbra\w*|overval\w*|"
    r"oplichting\w*|afpersing\w*|liquidatie\w*|onderwereld|crimine\w*|familiedrama|ruzie|"
    r"dronken|rijbewijs|verkeer\w*|tbs\w*|detentie|moordzaak|strafzaak|celstraf|"
    r"stalker\w*|malware|hacker\w*|bende\w*|[\w-]+-bende\w*|plofkra\w*|geldautoma\w*|alcohol|carnaval|"
    # compounds of the underworld and its trade ("hennepcriminelen", "harddrugs"), not war crimes
    r"(?!oorlogs)\w+crimine\w*|\w+drugs\w*|hennep\w*|"
    # sex offenders, prison terms and leave, a confused man: crime and psychiatry, not politics
    r"\w*delinquent\w*|(?:jaar|maanden|weken)\s+cel|verlof|invrijheidstelling|verwarde\s+(?:man|vrouw|persoon|jongen)"
)
# Words of armed force: what makes "de aanval" among electoral words a real attack.
ARMED = (
    r"leger\w*|troepen|militair\w*|soldaten|strijders|rebellen|milities?|wapens?|raket\w*|"
    r"bom\w*|doden|gewonden|gewond|geweld|gedood|granaat\w*|artillerie|tanks?|drones?"
)
# What makes violence political in ACLED's sense (beside the event words themselves):
# armed groups, terror, politics, the press, protest, religion and ethnicity. Ordinary crime
# (a murder, a fraud or drugs arrest) has none of these near it.
POLITICAL = (
    r"terre?ur\w*|terrorist\w*|jihad\w*|extremis\w*|radicali\w*|aanslag\w*|politic\w*|"
    r"politiek\w*|partij\w*|minister|ministers|minister-president|premier|burgemeester\w*|parlement\w*|kamerlid|regering\w*|"
    r"president\w*|premier|journalist\w*|krant\w*|redactie\w*|omroep\w*|media|activist\w*|"
    r"demonstr\w*|betog\w*|protest\w*|leger\w*|militair\w*|soldaten|rebellen|rebel|"
    r"milities?|strijders|oorlog|oorlogen|oorlogsgebied\w*|oorlogsmisdad\w*|conflict\w*|opposit\w*|"
    r"dissident\w*|etnisch\w*|"
    r"religi\w*|moskee\w*|kerk\w*|synagoge\w*|christenen|moslim\w*|joden|joods\w*|racis\w*|"
    r"allah|islam\w*|antisemit\w*|haatmisdrijf\w*|gewapend\w*|militant\w*|guerrilla\w*|"
    r"paramilit\w*|separatist\w*|opstandeling\w*|"
    r"(?-i:IS|ISIS)|Hamas|Hezbollah|Taliban|al-Qaida|Boko|PKK|regime\w*|junta|geheime\s+dienst\w*|"
    r"spionage|spion\w*|mensenrechten\w*|vluchteling\w*|gevangenen|martel\w*|bloedbad|"
    r"burgers|dorpelingen|herders|aanhangers|gele\s+hesjes|veiligheidstroepen|troepen"
)
FUTURE = (
    r"zal|zullen|zult|gaat\s+(?!de\s+straat)|gaan\s+(?!de\s+straat)|wil|willen|wilde|wilden|"
    r"van\s+plan|plannen|gepland\w*|komende|volgende|morgen|aanstaande|op\s+het\s+punt|verwacht\w*|"
    r"aangekondigd\w*|kondig\w*\s+\w*\s*aan"
)
# Conditions, threats, plots, calls and fears (GUIDE round 2: all hypothetical).
HYPOTHETICAL = (
    r"indien|mocht|mochten|eventuele?|mogelijke|kan|kunnen|zou\s+kunnen|zouden\s+kunnen|"
    r"stel\s+dat|anders|zodra|mag|mogen|voorkomen|vrees|vrezen|vreest|waarschuw\w*|risico|gevaar|"
    r"oproep\w*|riep\w*\s+\w*\s*op|roept\s+\w*\s*op|dreigt|dreigde|dreigden|dreigen|dreiging\w*|"
    r"gedreigd|beraamd\w*|beraamde\w*|ram(?:en|de)\s+\w+\s+\w*\s*beraamd|complot\w*|"
    r"samenzwering\w*|verijdeld\w*|voorbereiden|voorbereidde\w*|voorbereid|wilde\s+plegen|"
    r"van\s+plan\s+was|zou\s+hebben\s+willen"
)
# A "niet" that stresses rather than denies ("Niet alleen werden betogers opgepakt", "Het is
# niet voor niets dat er een demonstratie was", "niet minder dan 200 arrestaties"): no
# negation of the event (`stages.events.modality`).
LITOTES = (
    r"niet\s+alleen|niet\s+voor\s+(?:niets|niks|het\s+eerst|de\s+eerste\s+keer)|niet\s+toevallig|"
    r"geen\s+toeval|niet\s+minder\s+dan|niet\s+de\s+eerste\s+keer|niet\s+zonder\s+reden"
)
# A possibility left open ("meer aanhoudingen worden niet uitgesloten", "de politie sluit niet
# uit dat ..."): hypothetical, though its "niet" reads as a negation and a bare plural as
# generic (`stages.events.modality`).
POSSIBILITY = (
    r"niet\s+(?:\w+\s+)?uit(?:ge)?sloten|niet\s+uit\s+te\s+sluiten|"
    r"(?:sluit|sluiten|sloot|sloten)\s+(?:[\w-]+\s+){0,4}niet\s+uit"
)
# Phrases in which a trigger word is not an event ("protest aantekenen" is diplomacy).
NOT_EVENTS = (
    r"protest\s+aan(?:tekenen|getekend)|tekenden?\s+(?:\w+\s+){0,3}protest\s+aan|in\s+protest|"
    r"slag\s+om\s+de\s+arm|(?:veel|meer|iets|wat)\s+(?:\w+\s+)?opgepakt|"
    r"(?:hart|harten|publiek|markt|titel|zetels?|kijkers|stemmen)\s+(?:\w+\s+){0,3}veroverd\w*|"
    r"veroverd\w*\s+(?:\w+\s+){0,2}(?:hart|harten|titel|zetels?|markt)|"
    # metaphors: "een aanval op de democratie", "een aanslag op de rechtsstaat"
    r"(?:aanval(?:len)?|aanslag(?:en)?)\s+op\s+(?:de\s+|het\s+|onze\s+)?(?:democratie|rechtsstaat|"
    r"persvrijheid|vrijheid|vrije|waarden|privacy|portemonnee|gezondheid|natuur|klimaat)|"
    # idioms and struggles against ideas: "vechten tegen de bierkaai", "de strijd tegen
    # armoede", "de slag om het Klimaatakkoord", "een aanval op de intellectuelen"
    r"vecht\w*\s+tegen\s+de\s+bierkaai|(?:vecht\w*|gevochten|strijd|strijden)\s+(?:\w+\s+){0,2}(?:voor|om)\s+(?:de\s+|het\s+|een\s+)?"
    r"(?:titel|kampioenschap|prijs|zege|overwinning|plek|plaats|macht|kiezer\w*|stem\w*|aandacht|"
    r"rechten|gelijkheid|erkenning|vrijheid|toekomst|behoud|klimaat\w*|banen)|"
    r"(?:strijd|vecht\w*|oorlog)\s+tegen\s+(?:de\s+|het\s+)?(?:armoede|corruptie|criminaliteit|"
    r"klimaatverandering|ziekte\w*|kanker|obesitas|drugs\w*|fraude|eenzaamheid|racisme|discriminatie|"
    r"terrorisme|extremisme|radicalisering|ondermijning|uitbuiting|armoede|vervuiling|stikstof)|"
    r"slag\s+om\s+(?:de\s+|het\s+)?(?-i:[A-Z])\w*(?:akkoord|verkiezing\w*|kiezer\w*|zetel\w*)|"
    r"slag\s+om\s+(?:de\s+|het\s+)?(?:\w*akkoord|\w*verkiezing\w*|kiezer\w*|zetel\w*|titel|macht|"
    r"kijker\w*|klant\w*|markt\w*)|"
    r"(?:aanval(?:len)?|aanslag(?:en)?)\s+op\s+(?:de\s+|het\s+)?(?:intellectuelen|wetenschap|pers|"
    r"elite|instituties|instellingen|economie|euro|koers|record|titel|goal|doel)|"
    # a struggle of ideas and nightfall: "een ideologische strijd", "het invallen van de duisternis"
    r"(?:politieke|juridische|ideologische|fundamentele|culturele|morele|innerlijke|diplomatieke|"
    r"economische)\s+strijd|invallen\s+van\s+de\s+(?:duisternis|nacht|avond|schemer\w*|winter|dooi)|"
    # "het besluit aanvechten", "digitaal gelyncht", "strijd voor een eerlijk proces"
    r"vecht\w*\s+(?:[\w-]+\s+){0,5}aan\b|aangevochten|"
    r"(?:digitaal|online|verbaal|publiekelijk|figuurlijk|politiek|maatschappelijk)\s+"
    r"(?:gelyncht|aangevallen|afgemaakt|geëxecuteerd|vermoord|gekruisigd|neergesabeld)|"
    r"strijd\s+(?:voor|om)\s+(?:een\s+|het\s+|de\s+)?(?:eerlijk\w*\s+)?(?:proces|gerechtigheid|waarheid|"
    r"recht\w*|compensatie|schadevergoeding|erkenning|aandacht|geld|subsidie\w*)|"
    # a mandate, not an operation: "Rusland opereert onder de VN-vlag"
    r"opere\w*\s+(?:\w+\s+){0,4}onder\s+(?:de\s+|het\s+|een\s+)?(?:[\w-]+\s+)?"
    r"(?:[\w-]*vlag|mandaat|leiding|bevel|naam|paraplu)|"
    # a court adjourns: "had de rechter een eerdere zitting aangehouden"
    r"(?:zitting|zaak|behandeling|besluit|beslissing|uitspraak)\s+(?:\w+\s+){0,3}aangehouden|"
    r"aangehouden\s+(?:\w+\s+){0,2}(?:zitting|zaak|behandeling)|"
    # idioms and speech: "folders in de aanslag", "uitte protest", "het recht op demonstratie"
    r"in\s+de\s+aanslag|(?:uitte|uitten|uit|uiten|liet|lieten)\s+(?:\w+\s+){0,2}protest|"
    r"(?:recht|verbod|totaalverbod|demonstratierecht)\s+(?:op|voor|tegen)\s+(?:\w+\s+)?(?:demonstr\w*|protest\w*|betoging\w*)|"
    # bombarded with words: "gebombardeerd met beschuldigingen"
    r"(?:gebombardeerd|bombardeer\w*|bombarderen)\s+met\s+(?:\w+\s+){0,2}?(?:vragen|beschuldigingen|"
    r"berichten|mails|e-mails|kritiek|reclame\w*|informatie|tweets|brieven|klachten|verzoeken|"
    r"telefoontjes|complimenten|aandacht|verwijten|appjes|sms\W*jes)|"
    # nature, not people: "verwoest door de orkaan"
    r"(?:verwoest|vernield|gedood|omgekomen|doden)\s+(?:\w+\s+){0,3}door\s+(?:de\s+|een\s+)?"
    r"(?:orkaan|storm|cycloon|aardbeving|overstroming|tornado|noodweer|bosbrand)\w*|"
    # "schieten" that shoots nobody: "schiet tekort", "schoot te hulp", "in de lach schieten"
    r"(?:schiet|schieten|schoot|schoten)\s+(?:[\w'-]+\s+){0,6}?(?:tekort|te\s+hulp|wortel|"
    r"omhoog|voorbij|wakker|overeind)\b|"
    r"(?:tekort|te\s+hulp|in\s+de\s+lach|wortel|in\s+actie|in\s+de\s+stress)\s+(?:\w+\s+)?(?:schiet|schieten|schoot|schoten)"
)

# An infinitive of purpose ("om Constantinopel te veroveren"): intended, not done.
PURPOSE = r"\bom\s+(?:[\w'-]+\s+){0,6}te\s+$"

HABITUAL = (
    r"vaak|steeds|regelmatig|geregeld|telkens|elke|iedere|per\s+week|per\s+dag|wekelijks|"
    r"dagelijks|al\s+jaren|jaarlijks|soms|zelden|gewoonlijk|doorgaans|meestal|overal|"
    r"op\s+grote\s+schaal|meerdere\s+keren|(?:laatste|afgelopen)\s+jaren|jarenlang|"
    r"al\s+(?:\w+\s+)?(?:dagen|weken|maanden|jaren|decennia)|er\s+was\s+een\s+(?:periode|tijd)|"
    # the generic "you" and "one": "totdat je wordt belaagd"
    r"je|men|veelal|dikwijls|weleens|wel\s+eens|per\s+(?:jaar|maand)"
)
# A frame that sets what its clause tells in a stretch of time, however far the trigger
# stands after it ("Er was een periode dat de soennieten ..., de sjiieten dus, doodden"):
# habitual (`stages.events.modality`).
PERIOD_FRAME = (
    r"er\s+(?:was|waren|is|zijn)\s+(?:een\s+)?(?:periode|tijd|tijden|jaren)\s+(?:\w+\s+){0,2}(?:dat|waarin|toen)|"
    r"in\s+(?:een|de|die)\s+(?:\w+\s+)?(?:tijd|periode|jaren|tijden)\s+(?:dat|waarin)|in\s+tijden\s+(?:dat|waarin)"
)
# A count over a stretch of time ("de afgelopen 2,5 jaar bijna honderd burgemeesters",
# "sinds 2016 tientallen journalisten"): a tally of many events, not one.
SPAN = (
    r"(?:de|in\s+de)\s+(?:afgelopen|laatste|voorbije)\s+(?:[\d,.]+\s+|\w+\s+)?(?:jaar|jaren|maanden|weken|decennia)|"
    r"(?:sinds|sedert)\s+(?:\d{4}|begin|het\s+begin|de\s+start)|tot\s+(?:nu|dusver|dusverre)\s+toe|in\s+totaal"
)

# Fatality phrases; the group `n` holds the number (digits or a Dutch number word).
FATALITIES: list[str] = [
    r"(?P<n>{NUM})\s+(?:doden|dodelijke\s+slachtoffers|burgerdoden)",
    r"(?:kwamen|kwam|kwamen\s+er)\s+(?P<n>{NUM})\s+(?:\w+\s+){0,3}(?:om|om\s+het\s+leven)\b",
    r"(?P<n>{NUM})\s+(?:\w+\s+){0,3}(?:zijn|werden|zouden|worden|waren)\s+(?:\w+\s+){0,3}"
    r"(?:gedood|vermoord|omgekomen|om\s+het\s+leven\s+gekomen|doodgeschoten|omgebracht|vermoordde|"
    r"overleden|gesneuveld)",
    r"het\s+leven\s+(?:gekost\s+aan|kostte\s+aan)\s+(?:zeker|minstens|ten\s+minste|ruim)?\s*(?P<n>{NUM})",
    r"(?:bracht|brachten)\s+(?:\w+\s+){0,3}(?P<n>{NUM})\s+(?:mensen|burgers|\w+)\s+om\b",
    r"(?:werden|zijn|waren|worden)\s+(?:\w+\s+){0,3}(?P<n>{NUM})\s+(?:\w+\s+){0,3}"
    r"(?:gedood|vermoord|omgebracht|doodgeschoten|geëxecuteerd)",
    r"(?:schoot|schoten)\s+(?:\w+\s+){0,3}(?P<n>{NUM})\s+(?:\w+\s+){0,2}dood\b",
    r"(?:doodde|doodden|vermoordde|vermoordden|doodt)\s+(?:zeker\s+|minstens\s+|ruim\s+|ten\s+minste\s+)?"
    r"(?P<n>{NUM})",
    r"(?:minstens|zeker|ten\s+minste)\s+(?P<n>{NUM})\s+(?:\w+\s+){0,2}(?:vermoordde|doodde|gedood)",
    # A past tense without an auxiliary, often a relative clause ("de aanslag waarbij vier
    # mensen overleden"); people, not days ("vijf dagen later overleden").
    r"(?P<n>{NUM})\s+(?:\w+\s+)?(?:mensen|personen|burgers|inwoners|soldaten|militairen|strijders|"
    r"kinderen|agenten|slachtoffers|passagiers|demonstranten|betogers)\s+(?:om\s+het\s+leven\s+kwamen|"
    r"omkwamen|stierven|sneuvelden|overleden)\b",
]

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100, "duizend": 1000,
}  # fmt: skip

# -- the parse (kroniek.stages.events.parse) ----------------------------------------------

# Verbs by lemma, whatever their inflection ("executeerden", "ontvoert", "bombardeert"):
# lemma -> (sub-type, needs a conflict word nearby). A separable verb is its particle and
# verb joined ("pakte ... op" is "oppakken", "viel ... aan" "aanvallen"), looked up by its
# joined form (`SEPARABLE_FORMS`) since the lemmatiser misreads irregular pasts ("pakte").
VERB_LEMMAS: dict[str, tuple[str, bool]] = {
    "aanvallen": ("Armed clash", True), "binnenvallen": ("Armed clash", True),
    "bevechten": ("Armed clash", True), "bestoken": ("Armed clash", True),
    "belagen": ("Armed clash", True), "beschieten": ("Shelling/artillery/missile attack", False),
    "bombarderen": ("Air/drone strike", False), "executeren": ("Attack", False),
    "vermoorden": ("Attack", False), "doden": ("Attack", False), "ombrengen": ("Attack", False),
    "doodschieten": ("Attack", False), "doodsteken": ("Attack", False),
    "neersteken": ("Attack", False), "martelen": ("Attack", False),
    "mishandelen": ("Attack", False), "onthoofden": ("Attack", False),
    "ontvoeren": ("Abduction/forced disappearance", False),
    "gijzelen": ("Abduction/forced disappearance", False),
    "kapen": ("Abduction/forced disappearance", True),
    "verkrachten": ("Sexual violence", False),
    "arresteren": ("Arrests", False), "oppakken": ("Arrests", False),
    "aanhouden": ("Arrests", True),
    "demonstreren": ("Peaceful protest", False), "protesteren": ("Peaceful protest", False),
    "plunderen": ("Violent demonstration", False), "lynchen": ("Mob violence", False),
    "veroveren": ("Non-state actor overtakes territory", True),
    "innemen": ("Non-state actor overtakes territory", True),
    "bezetten": ("Non-state actor overtakes territory", True),
    "heroveren": ("Government regains territory", False),
    "opblazen": ("Remote explosive/landmine/IED", False),
    "annexeren": ("Non-violent transfer of territory", False),
    "evacueren": ("Other", True), "uitleveren": ("Other", True),
    "capituleren": ("Change to group/activity", True),
}  # fmt: skip

# Verbs and nouns the e5 encoder proposed as neighbours of the lexicon's words and of English
# ACLED verbs and nouns, kept by hand (`scripts/build_event_expansion.py`,
# `kroniek/resources/event-verbs-expanded.tsv`): lemma -> (sub-type, True), and their written
# forms, a separable verb's with its particle joined ("neer" + "schoten"), -> lemma. Not
# written from dev articles; weaker than the curated words, so every one needs a conflict
# word near it or a conflict article.
def _expanded() -> tuple[dict[str, tuple[str, bool]], dict[str, str], dict[str, tuple[str, bool]], dict[str, str]]:
    path = Path(__file__).resolve().parents[2] / "resources" / "event-verbs-expanded.tsv"
    verbs: dict[str, tuple[str, bool]] = {}
    forms: dict[str, str] = {}
    nouns: dict[str, tuple[str, bool]] = {}
    noun_forms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = line.split("\t")
        if len(r) < 6 or line.startswith("#"):
            continue
        noun = len(r) > 6 and r[6] == "NOUN"
        (nouns if noun else verbs)[r[0]] = (r[1], True)
        particle = "" if r[4] == "-" else r[4]
        for form in r[5].split(","):
            (noun_forms if noun else forms).setdefault(particle + form, r[0])
    return verbs, forms, nouns, noun_forms


EXPANDED_VERBS, EXPANDED_FORMS, EXPANDED_NOUNS, EXPANDED_NOUN_FORMS = _expanded()

# Joined forms of separable verbs (particle + the verb as written): "op"+"pakte" is
# "oppakte". Regular expressions over the whole joined word.
SEPARABLE_FORMS: list[tuple[str, str, bool]] = [
    (r"oppak\w*", "Arrests", False),
    (r"aanh(?:oud|ield|ou)\w*", "Arrests", True),
    (r"aanv(?:al|iel)\w*", "Armed clash", True),
    (r"binnenv(?:al|iel)\w*", "Armed clash", True),
    (r"in(?:nam|namen|neemt)", "Non-state actor overtakes territory", True),
    (r"dood(?:schoot|schoten|schiet|stak|staken|steekt|sloeg|sloegen|slaat)", "Attack", False),
    (r"neer(?:stak|staken|steekt)", "Attack", False),
    (r"om(?:bracht|brachten|brengt)", "Attack", False),
    (r"op(?:blies|bliezen|blaast)", "Remote explosive/landmine/IED", False),
    (r"uit(?:leverde|leverden|levert)", "Other", True),
]

# Verbs that tell an event only in one frame of their arguments, by a pattern over the
# joined particle + verb as written or over the lemma: (pattern, what the frame needs,
# sub-type, needs context). Needs: "-" no direct object and not passive ("leraren staakten",
# not "de zoektocht werd gestaakt" or "staken hun campagnes"), "zich" a reflexive ("zich
# verzamelden"), else the direct object's lemma ("legden het werk neer"). Strikes and
# gatherings told with ordinary verbs: the kind the round-3 articles, unseen when the
# lexicon was written, missed most (README).
VERB_FRAMES: list[tuple[str, str, str, bool]] = [
    (r"(?:ge)?staak(?:t|te|ten)?|staken", "-", "Peaceful protest", False),
    (r"neer(?:leg|legt|legde|legden|leggen|gelegd)", "werk", "Peaceful protest", False),
    (r"verzamel(?:t|de|den|en)?|verzameld", "zich", "Peaceful protest", True),
]

# Particles that are part of an idiom with the word after them, not of the verb: "in
# beslag nemen" (seize goods) is no "innemen" (take a town).
IDIOM_PARTICLES = {"in": ("beslag", "ontvangst", "gebruik", "behandeling", "acht")}

# Compounds by their head ("vergeldingsaanval", "terreuraanslag", "straatgevechten"):
# (head, sub-type, needs context, first parts that make them no violence: a heart attack,
# a tax assessment, a gas explosion, a pillow fight). Matched on the tokens, not by a
# pattern tried at every word (`kroniek.stages.events.parse.compound_triggers`).
COMPOUND_HEADS: list[tuple[str, str, bool, tuple[str, ...]]] = [
    ("aanval", "Armed clash", True,
     ("hart", "paniek", "woede", "angst", "griep", "astma", "epilepsie", "migraine", "lach",
      "huil", "hoest", "jicht", "tegen")),
    ("aanslag", "Attack", False, ("belasting", "naheffing", "aanslagbiljet")),
    ("beschieting", "Shelling/artillery/missile attack", False, ()),
    ("bombardement", "Air/drone strike", False, ()),
    ("gevecht", "Armed clash", True,
     ("kussen", "sneeuw", "hanen", "modder", "kamp", "titel", "ruzie", "concurrentie", "prijs",
      "bokswed", "water", "eten", "vecht")),
    ("explosie", "Remote explosive/landmine/IED", True,
     ("gas", "prijs", "bevolking", "kosten", "kleur", "geluid", "woede", "lach", "data",
      "informatie", "geweld")),
    ("schietpartij", "Attack", False, ()),
    ("ontvoering", "Abduction/forced disappearance", False, ()),
    ("rellen", "Violent demonstration", False, ()),
    # Protest and arrest said with a compound ("klimaatmars", "hongerstaking", "voorarrest");
    # marches of music, walking and ceremony, strikes of payment and a court's ruling ("het
    # arrest") are not.
    ("mars", "Peaceful protest", False,
     ("doden", "wandel", "bruilofts", "treur", "triomf", "parade", "begrafenis", "militaire",
      "radetzky", "zomer", "avond", "slaap", "feest", "afmars", "terugmars")),
    ("staking", "Peaceful protest", False, ("betalings", "vuur", "productie", "stemmen")),
    ("arrest", "Arrests", False, ("standaard", "cassatie", "hof", "raads")),
]
# Plural endings of those heads.
COMPOUND_PLURALS = ("", "en", "len", "s")

# Verbs and nouns that say their complement did not (yet) happen, by lemma -> modality:
# "dreigde de stad aan te vallen", "ontkende gevochten te hebben", "riep op tot protest".
GOVERNORS: dict[str, str] = {
    "zullen": "future", "willen": "future", "plannen": "future", "aankondigen": "future",
    "beloven": "future", "overwegen": "hypothetical", "voorbereiden": "hypothetical",
    "dreigen": "hypothetical", "vrezen": "hypothetical", "waarschuwen": "hypothetical",
    "oproepen": "hypothetical", "eisen": "hypothetical", "verbieden": "hypothetical",
    "voorkomen": "hypothetical", "verijdelen": "hypothetical", "beramen": "hypothetical",
    "kunnen": "hypothetical", "mogen": "hypothetical", "moeten": "hypothetical",
    "ontkennen": "negated", "weerspreken": "negated",
    "plan": "future", "voornemen": "future", "dreiging": "hypothetical",
    "oproep": "hypothetical", "vrees": "hypothetical", "angst": "hypothetical",
    "risico": "hypothetical", "gevaar": "hypothetical", "kans": "hypothetical",
    "complot": "hypothetical", "eis": "hypothetical", "verbod": "hypothetical",
    "ultimatum": "hypothetical",
}  # fmt: skip
# Adverbs of frequency attached to the trigger, even past a comma ("... opgepakt, meestal
# bij demonstraties"): habitual.
HABITUAL_ADVERBS = ("vaak", "veelal", "dikwijls", "steeds", "regelmatig", "geregeld", "telkens", "soms",
                    "zelden",
                    "meestal", "doorgaans", "gewoonlijk", "dagelijks", "wekelijks",
                    "maandelijks", "jaarlijks", "herhaaldelijk", "voortdurend")
# Negators attached to the trigger or the verb that governs it.
NEGATORS = ("niet", "geen", "nooit", "niemand", "nergens")
# Subordinators that make a clause a condition.
CONDITIONAL_MARKS = ("als", "indien", "wanneer", "mits", "tenzij", "zodra")
