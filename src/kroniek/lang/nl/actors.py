"""Dutch actor lexicon for `kroniek.stages.events`: who can be an ACLED actor.

`FORCES` are role nouns with their ACLED actor type and ACLED's naming pattern
("Military Forces of {country}"); `DEMONYMS` map adjectives and people nouns to a country
(ISO 3166-1 alpha-2 and ACLED's English country name). General Dutch only.
"""

from __future__ import annotations

__all__ = ["AGENT_PREPOSITIONS", "DEMONYMS", "FORCES", "GROUP_SUFFIXES", "TARGET_PREPOSITIONS"]

# noun pattern -> (ACLED actor type, name template; {country} is filled from a demonym)
FORCES: list[tuple[str, str, str]] = [
    (r"leger|legers|troepen|militairen|soldaten|krijgsmacht|strijdkrachten|luchtmacht|marine|"
     r"legerleiding|regeringstroepen|veiligheidstroepen|mariniers|artillerie|grondtroepen|"
     r"eenheden|commando's|special\s+forces",
     "state_forces", "Military Forces of {country}"),
    (r"politie|oproerpolitie|agenten|politie-agenten|politieagenten|arrestatieteams?|"
     r"veiligheidsdiensten?|geheime\s+dienst|opsporingsdiensten?|recherche",
     "state_forces", "Police Forces of {country}"),
    (r"regering|overheid|autoriteiten|president|premier|ministerie|kabinet|Kremlin|"
     r"regime|staatsaanklager|justitie",
     "state_forces", "Government of {country}"),
    (r"rebellen|opstandelingen|strijders|separatisten|guerrilla's|jihadisten|islamisten|"
     r"terroristen|terreurgroep|terreurbeweging",
     "rebel_group", "Rebels ({country})"),
    (r"schutters?|daders?|aanslagplegers?|racist|terrorist|gewapende\s+mann?en?|onbekenden|"
     r"overvallers|aanvallers",
     "political_militia", "Unidentified Armed Group ({country})"),
    (r"milities?|militieleden|knokploegen|paramilitairen|jagers|revolutionairen",
     "political_militia", "Militia ({country})"),
    (r"betogers|demonstranten|demonstrant|betoger|actievoerders|aanhangers|manifestanten|"
     r"gele\s+hesjes|stakers",
     "protesters", "Protesters ({country})"),
    (r"relschoppers|plunderaars|casseurs|ultra's",
     "rioters", "Rioters ({country})"),
    (r"burgers|inwoners|dorpelingen|bewoners|herders|boeren|akkerbouwers|christenen|moslims|"
     r"gelovigen|vrouwen|kinderen|journalisten|studenten|mensen|slachtoffers|vluchtelingen|"
     r"verdachten|gevangenen|leden",
     "civilians", "Civilians ({country})"),
]

# Words ending a compound group noun ("Dogon-jagers", "Fulani-herders", "Uberchauffeurs").
GROUP_SUFFIXES = r"jagers|herders|strijders|milities|chauffeurs|boeren|betogers|activisten"

# adjective or people noun -> (ISO alpha-2, ACLED English country name)
DEMONYMS: dict[str, tuple[str, str]] = {
    "oekraïens": ("UA", "Ukraine"), "oekraïner": ("UA", "Ukraine"),
    "russisch": ("RU", "Russia"), "rus": ("RU", "Russia"),
    "syrisch": ("SY", "Syria"), "syriër": ("SY", "Syria"),
    "israëlisch": ("IL", "Israel"), "israëliër": ("IL", "Israel"),
    "palestijns": ("PS", "Palestine"), "palestijn": ("PS", "Palestine"),
    "amerikaans": ("US", "United States"), "amerikaan": ("US", "United States"),
    "turks": ("TR", "Turkey"), "turk": ("TR", "Turkey"),
    "iraaks": ("IQ", "Iraq"), "irakees": ("IQ", "Iraq"), "iraans": ("IR", "Iran"),
    "afghaans": ("AF", "Afghanistan"), "jemenitisch": ("YE", "Yemen"),
    "saoedisch": ("SA", "Saudi Arabia"), "venezolaans": ("VE", "Venezuela"),
    "algerijns": ("DZ", "Algeria"), "algerijn": ("DZ", "Algeria"),
    "soedanees": ("SD", "Sudan"), "soedanees'": ("SD", "Sudan"), "malinees": ("ML", "Mali"),
    "nigeriaans": ("NG", "Nigeria"), "frans": ("FR", "France"), "fransman": ("FR", "France"),
    "nederlands": ("NL", "Netherlands"), "nederlander": ("NL", "Netherlands"),
    "brits": ("GB", "United Kingdom"), "duits": ("DE", "Germany"), "libisch": ("LY", "Libya"),
    "egyptisch": ("EG", "Egypt"), "pakistaans": ("PK", "Pakistan"), "indiaas": ("IN", "India"),
    "chinees": ("CN", "China"), "somalisch": ("SO", "Somalia"), "congolees": ("CD", "Democratic Republic of Congo"),
    "ethiopisch": ("ET", "Ethiopia"), "libanees": ("LB", "Lebanon"), "belgisch": ("BE", "Belgium"),
    "nieuw-zeelands": ("NZ", "New Zealand"), "roemeens": ("RO", "Romania"),
    "roemeen": ("RO", "Romania"), "bosnisch": ("BA", "Bosnia and Herzegovina"),
    "servisch": ("RS", "Serbia"), "serviër": ("RS", "Serbia"), "georgisch": ("GE", "Georgia"),
    "armeens": ("AM", "Armenia"), "azerbeidzjaans": ("AZ", "Azerbaijan"),
    "wit-russisch": ("BY", "Belarus"), "pools": ("PL", "Poland"), "spaans": ("ES", "Spain"),
    "italiaans": ("IT", "Italy"), "grieks": ("GR", "Greece"), "koerdisch": ("", "Kurdish"),
    "colombiaans": ("CO", "Colombia"), "mexicaans": ("MX", "Mexico"), "braziliaans": ("BR", "Brazil"),
    "birmees": ("MM", "Myanmar"), "filipijns": ("PH", "Philippines"), "kameroens": ("CM", "Cameroon"),
    "keniaans": ("KE", "Kenya"), "tsjadisch": ("TD", "Chad"), "nigerees": ("NE", "Niger"),
    "burkinees": ("BF", "Burkina Faso"), "mozambikaans": ("MZ", "Mozambique"),
    "zuid-soedanees": ("SS", "South Sudan"), "tunesisch": ("TN", "Tunisia"),
    "marokkaans": ("MA", "Morocco"), "jordaans": ("JO", "Jordan"), "armeniër": ("AM", "Armenia"),
}  # fmt: skip

AGENT_PREPOSITIONS = r"door"  # passive agent: "werd ... door X gedood"
TARGET_PREPOSITIONS = r"op|tegen"  # "aanval op X", "geweld tegen X"
