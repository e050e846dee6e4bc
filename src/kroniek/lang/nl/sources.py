"""Dutch source nouns (what kind of source a claim comes from) and sides.

`SOURCE_NOUNS` maps a noun suffix to a source type of the `kroniek/1` contract; matched
as suffixes so compounds count ("militaire bloggers", "satellietbeelden",
"defensieministerie"). `SIDES` maps nationality adjectives, country names, capitals and
seats of government to a country name: the side a source speaks for. These are general
Dutch (exonyms as Dutch newspapers write them), not tuned to any article.
"""

from __future__ import annotations

__all__ = ["CASED_SOURCES", "SIDES", "SOURCE_NOUNS"]

SOURCE_NOUNS = {
    # social media and bloggers
    "blogger": "social_media", "bloggers": "social_media", "telegramkanaal": "social_media",
    "telegramkanalen": "social_media", "sociale media": "social_media", "twitter": "social_media",
    "x-account": "social_media", "influencer": "social_media", "influencers": "social_media",
    "milblogger": "social_media", "milbloggers": "social_media",
    # imagery
    "beelden": "imagery", "beeld": "imagery", "foto": "imagery", "foto's": "imagery",
    "video": "imagery", "video's": "imagery", "satellietbeelden": "imagery",
    "opnamen": "imagery", "opnames": "imagery", "filmpje": "imagery", "filmpjes": "imagery",
    # parties to the conflict (armed forces)
    "leger": "party_to_conflict", "strijdkrachten": "party_to_conflict",
    "troepen": "party_to_conflict", "militairen": "party_to_conflict",
    "generale staf": "party_to_conflict", "legerleiding": "party_to_conflict",
    "rebellen": "party_to_conflict", "militie": "party_to_conflict",
    "luchtmacht": "party_to_conflict", "marine": "party_to_conflict",
    # officials
    "ministerie": "official", "regering": "official", "kabinet": "official",
    "overheid": "official", "autoriteiten": "official", "woordvoerder": "official",
    "woordvoerster": "official", "minister": "official", "president": "official",
    "premier": "official", "gouverneur": "official", "burgemeester": "official",
    "kremlin": "official", "presidentschap": "official", "politie": "official",
    "justitie": "official", "om": "official", "openbaar ministerie": "official",
    "gemeente": "official", "provincie": "official", "ambassade": "official",
    "staatssecretaris": "official", "functionarissen": "official", "diplomaten": "official",
    # political parties: a party member speaking is a politician
    "vvd": "official", "cda": "official", "d66": "official", "groenlinks": "official",
    "sp": "official", "pvda": "official", "pvv": "official", "fvd": "official",
    "christenunie": "official", "sgp": "official", "denk": "official", "pvdd": "official",
    "50plus": "official", "kamerfractie": "official", "fractie": "official",
    "tweede kamer": "official", "kamer": "official", "rekenkamer": "official",
    "raad van state": "official", "inspectie": "official", "rechtbank": "official",
    "hof": "official", "rechter": "official", "marechaussee": "official", "college": "official",
    "defensie": "official", "navo": "official", "vn": "official", "eu": "official",
    "europese commissie": "official", "commissie": "official", "raad": "official",
    # experts
    "analist": "expert", "analisten": "expert", "expert": "expert", "experts": "expert",
    "deskundige": "expert", "deskundigen": "expert", "specialist": "expert",
    "onderzoeker": "expert", "onderzoekers": "expert", "hoogleraar": "expert",
    "denktank": "expert", "universiteit": "expert", "hogeschool": "expert", "instituut": "expert", "wetenschappers": "expert",
    "waarnemers": "expert", "exitpolls": "expert", "peiling": "expert", "onderzoek": "expert",
    # media
    "krant": "media", "persbureau": "media", "omroep": "media", "zender": "media",
    "media": "media", "journalist": "media", "journalisten": "media",
    "correspondent": "media", "staatsmedia": "media", "staatstelevisie": "media",
    "nieuwssite": "media", "nieuwsbureau": "media", "dagblad": "media",
    "telegraaf": "media", "volkskrant": "media", "nrc": "media", "trouw": "media",
    "nos": "media", "rtl": "media", "bbc": "media", "cnn": "media", "reuters": "media",
    "anp": "media", "afp": "media", "ap": "media", "al jazeera": "media", "tass": "media",
    "ria novosti": "media", "interfax": "media", "new york times": "media",
    "washington post": "media", "guardian": "media", "tijdschrift": "media",
    "weekblad": "media", "website": "media", "nieuwsuur": "media",
    "x": "social_media", "facebook": "social_media", "instagram": "social_media",
    "telegram": "social_media", "tiktok": "social_media", "youtube": "social_media",
    # political parties and assemblies: a party speaking is a politician speaking
    "partij": "official", "parlement": "official", "senaat": "official",
    "congres": "official", "gemeenteraad": "official", "ministerraad": "official",
    "provinciale staten": "official", "eerste kamer": "official",
    "forum voor democratie": "official", "partij voor de dieren": "official",
    # public bodies and agencies (Dutch and international)
    "inlichtingendienst": "official", "veiligheidsdienst": "official",
    "belastingdienst": "official", "douane": "official", "brandweer": "official",
    "veiligheidsregio": "official", "waterschap": "official", "waterschappen": "official",
    "rijkswaterstaat": "official", "rijksoverheid": "official", "gezondheidsraad": "official",
    "kiesraad": "official", "ombudsman": "official", "toezichthouder": "official",
    "autoriteit": "official", "agentschap": "official", "planbureau": "official",
    "centraal bureau voor de statistiek": "official", "nationaal coördinator": "official",
    "centrale bank": "official", "nederlandsche bank": "official", "dnb": "official",
    "aivd": "official", "mivd": "official", "nctv": "official", "cpb": "official",
    "cbs": "official", "rivm": "official", "nvwa": "official", "ind": "official",
    "ggd": "official", "uwv": "official", "acm": "official", "afm": "official",
    "verenigde naties": "official", "veiligheidsraad": "official", "wereldbank": "official",
    "imf": "official", "ecb": "official", "wto": "official",
    "wereldgezondheidsorganisatie": "official", "wereldhandelsorganisatie": "official",
    "europese unie": "official", "europees parlement": "official", "witte huis": "official",
    "fbi": "official", "cia": "official", "secret service": "official",
    "dienst": "official", "boa": "official", "boa's": "official", "handhaver": "official",
    "handhavers": "official",
    "kustwacht": "official", "regeringsleider": "official", "staatshoofd": "official",
    "gedeputeerde staten": "official", "overheidsinstantie": "official",
    "persagentschap": "media", "staatspersbureau": "media", "zeitung": "media",
    "dj": "media", "radio": "media", "vakblad": "media", "nieuwsdienst": "media", "tv-zender": "media", "omroepen": "media",
    "kranten": "media", "parool": "media", "algemeen dagblad": "media",
    "financial times": "media", "wall street journal": "media", "the times": "media",
    "sunday times": "media", "le monde": "media", "der spiegel": "media",
    "bloomberg": "media", "politico": "media", "forbes": "media", "rtl nieuws": "media",
    "hart van nederland": "media", "een vandaag": "media", "eenvandaag": "media",
    "denktanks": "expert", "onderzoeksbureau": "expert", "rapport": "expert",
    "studie": "expert", "peilingen": "expert", "wetenschappelijk": "expert",
    "tweet": "social_media", "tweets": "social_media", "berichten op": "social_media",
    "satellietfoto's": "imagery", "camerabeelden": "imagery", "dronebeelden": "imagery",
    # courts, broadcasters' programmes, parties named by their members
    "gerechtshof": "official", "hooggerechtshof": "official", "tribunaal": "official",
    "tv": "media", "rtv": "media", "tv-programma": "media", "radioprogramma": "media",
    "televisieprogramma": "media", "actualiteitenprogramma": "media",
    "nieuwsprogramma": "media", "praatprogramma": "media", "talkshow": "media",
    "uitgeverij": "media", "nieuwsblad": "media", "courant": "media", "podcast": "media",
    "democraten": "official", "republikeinen": "official", "conservatieven": "official",
    "oppositiepartijen": "official", "oppositie": "official", "coalitie": "official",
    "coalitiepartijen": "official", "regeringspartijen": "official",
    "ministeries": "official", "gemeenten": "official", "provincies": "official",
    "politieke partij": "official", "rijksinstituut": "official",
    "onderzoeksinstituut": "expert", "kennisinstituut": "expert", "academie": "expert",
    "universitair medisch centrum": "expert", "umc": "expert", "tno": "expert",
    "centraal bureau": "official", "statistiekbureau": "official", "eurostat": "official",
    "adviesorgaan": "official", "adviescollege": "official", "adviesraad": "official",
    "bn destem": "media", "pzc": "media", "tubantia": "media",
    "gelderlander": "media", "stentor": "media", "hln": "media", "het laatste nieuws": "media",
}

# Source names matched as written, where the lower-case word is something else ("AD", the
# Algemeen Dagblad, but "Ad" Verbrugge).
CASED_SOURCES = {"AD": "media", "ED": "media"}

SIDES = {
    "oekraïne": "Oekraïne", "oekraïense": "Oekraïne", "oekraïens": "Oekraïne",
    "oekraïners": "Oekraïne", "kyiv": "Oekraïne", "kiev": "Oekraïne", "kyjiv": "Oekraïne",
    "rusland": "Rusland", "russische": "Rusland", "russisch": "Rusland", "russen": "Rusland",
    "moskou": "Rusland", "kremlin": "Rusland",
    "israël": "Israël", "israëlische": "Israël", "israëlisch": "Israël",
    "hamas": "Hamas", "hezbollah": "Hezbollah", "gaza": "Palestina",
    "palestijnse": "Palestina", "palestijns": "Palestina",
    "syrië": "Syrië", "syrische": "Syrië", "damascus": "Syrië",
    "iran": "Iran", "iraanse": "Iran", "teheran": "Iran",
    "amerikaanse": "Verenigde Staten", "washington": "Verenigde Staten",
    "pentagon": "Verenigde Staten", "witte huis": "Verenigde Staten",
    "chinese": "China", "china": "China", "peking": "China", "beijing": "China",
    "turkse": "Turkije", "turkije": "Turkije", "ankara": "Turkije",
    "navo": "NAVO", "wit-russische": "Belarus", "belarussische": "Belarus",
    "minsk": "Belarus", "soedanese": "Soedan", "jemenitische": "Jemen", "houthi's": "Houthi's",
}
