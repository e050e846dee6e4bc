# Hand annotations, round 3 frozen test, part A, file 1 (see ../../GUIDE.md and
# ../../src/batch1.py for the format). Written by reading each article only.
ANN = {
10592825: [
 ("indirect", "Avonturiers die zich vanaf 2031 op Mars willen vestigen hoeven niet te wanhopen", "zegt", "het bedrijf dat die reis zou verzorgen en nu bankroet is", "Mars One|Mars One Ventures"),
 ("direct", "Alleen de financieringstak is failliet, we werken aan een oplossing.", "", "", "Mars One|Mars One Ventures"),
 ("indirect", "Dat toch ook weer niet", "volgens", "Mars One-directeur Bas Lansdorp", "Bas Lansdorp"),
 ("direct", "We werken met een investeerder aan een oplossing voor het faillissement", "zegt", "Lansdorp", "Bas Lansdorp"),
 ("direct", "Met Stichting Mars One, die de Marsmissie organiseert, is financieel niks aan de hand.", "", "", "Bas Lansdorp"),
 ("indirect", "tophonderdkandidaten hun plekje op de finalistenlijst konden kopen", "vertelde", "hij", "Joseph Roche"),
 ("indirect", "Bovendien zouden niet 200.000, maar slechts 2.761 mensen zich als vrijwilliger hebben gemeld", "", "", "Joseph Roche"),
 ("indirect", "de aantijgingen van Roche", "ontkende", "Lansdorp", "Bas Lansdorp"),
 ("direct", "Technisch gezien is de missie haalbaar. Het is moeilijk, maar het kan", "zei", "'t Hooft", "Gerard 't Hooft"),
 ("direct", "Het hete hangijzer is van economische aard: hoe krijgen we de miljarden bij elkaar om het project te financieren? Een Big Brother-achtige opzet kan daarbij helpen.", "", "", "Gerard 't Hooft"),
],
10593548: [
 ("indirect", "Stellen bij wie werk en inkomen op een traditionele manier verdeeld zijn, zijn het meest tevreden over hun relatie", "concludeert", "socioloog Niels Blom", "Niels Blom"),
 ("mixed", "Dat laat zien dat maatschappelijke normen over wie het meeste geld 'hoort' te verdienen invloed hebben op hoe tevreden je bent met je relatie", "concludeert", "Blom", "Niels Blom"),
 ("direct", "Dat is blijkbaar nog steeds de man.", "", "", "Niels Blom"),
 ("indirect", "Die constatering is minder verrassend dan het lijkt", "aldus", "de socioloog", "Niels Blom"),
 ("direct", "Vrouwen werken in onze maatschappij nog steeds vaker parttime dan mannen. Dat is in zekere zin toch een uiting van de heersende sociale norm.", "", "", "Niels Blom"),
 ("direct", "De ene theorie zegt dat koppels die allebei ongeveer evenveel werken betere relaties hebben, omdat partners elkaars leefwereld dan beter begrijpen. Een andere theorie voorspelt juist dat die koppels slechtere relaties hebben dan stellen waar de man kostwinner is, omdat de taakverdeling binnen het gezin dan duidelijker is.", ":", "Blom", "Niels Blom"),
 ("indirect", "het onderzoek gedegen uitgevoerd", "vindt", "Statisticus Joop Hox", "Joop Hox"),
 ("direct", "Het is altijd heel lastig om een oorzakelijk verband aan te tonen in dit type onderzoek. Daartoe zou je stellen van tevoren in twee groepen moeten indelen: in de ene laat je de vrouw kostwinner worden, en in de andere de man. Dat kan in dit soort onderzoek niet.", "", "", "Joop Hox"),
 ("indirect", "Dat probleem is in het onderzoek zo goed mogelijk ondervangen", "is de indruk van", "de Utrechtse hoogleraar sociaal-wetenschappelijke onderzoeksmethoden", "Joop Hox"),
 ("direct", "Hierdoor kon hij bijvoorbeeld uitsluiten dat het alleen de teruggang in inkomen was die verantwoordelijk was voor de afname in relatiegeluk.", ":", "Hox", "Joop Hox"),
 ("indirect", "Stellen met een vrouwelijke kostwinner hoeven zich nu niet meteen zorgen te maken", "vindt", "Hox", "Joop Hox"),
 ("direct", "Als je naar de cijfers in dit onderzoek kijkt, blijkt de invloed van die traditionele normen - die blijkbaar nog heersen in de maatschappij - op je relatiegeluk in absolute zin maar heel klein.", "", "", "Joop Hox"),
 ("indirect", "die gevolgen van verandering in werk en inkomen inderdaad klein zijn, maar wél meetbaar", "benadrukt", "Blom", "Niels Blom"),
 ("direct", "Het zijn factoren die van buiten de relatie komen, maar toch invloed hebben op hoe partners naar elkaar kijken. Dat is behoorlijk opmerkelijk.", "", "", "Niels Blom"),
],
# Column: an imagined conversation in quotation marks (the author, addressed as
# Theodor, and "iemand" at the door); the author's own "vind ik" opinions are not quotes.
10667950: [
 ("direct", "Weet je wat ze hier willen bouwen? Een Holocaustnamenmonument!", "zegt", "iemand", ""),
 ("direct", "O, mooi,", "reageren", "ik", "Theodor|t.holman"),
 ("direct", "Nee, helemaal niet mooi, Theodor.", "", "", ""),
 ("direct", "Nee, treurig, sorry, maar zeer belangrijk.", "", "", "Theodor|t.holman"),
 ("direct", "Nee, dat bedoel ik niet! Ik bedoel het is treurig dat ze daar 25 bomen voor gaan kappen! Dat is pas treurig!", "", "", ""),
 ("direct", "O. Ach zo. Waarom is dat treurig?", "", "", "Theodor|t.holman"),
 ("direct", "Omdat het bomen zijn. Levende bomen! En op dat idiote monument komen maar 102.000 namen van Holocaustslachtoffers te staan.", "", "", ""),
 ("direct", "Maar het is toch mooi dat er een monument komt, waar we slachtoffers van de Holocaust kunnen herdenken? Ik ben elke dag weer geroerd als ik de stoeptegels passeer, waarop de namen staan van de Joden die daar woonden en die zijn weggevoerd. In mijn straat zijn er twee, en", "zeggen", "Ik", "Theodor|t.holman"),
 ("direct", "Hou op! Hou op! Ja, heel belangrijk, hoor. Ik herdenk ook altijd de oorlog op de Dam. Zo goed? Maar dit gaat om levende bomen! En daarom gaan we een proces beginnen! Doe je mee?", "", "", ""),
 ("direct", "Hier worden rode rozen rood gekleurd.", "zegt", "men", ""),
 ("indirect", "dit een prachtig herdenkingsteken", "vinden", "veel slachtoffers van de Japanse kampen", ""),
],
# Reader's letter answering Wouter Zelle; the letter writer's own views are not quotes.
10669076: [
 ("mixed", "60 tot 80 procent van de kinderen (hoezo: 'bijna alle'?) die gediagnosticeerd zijn als transgender, uiteindelijk verkiest te leven in hun geboortegeslacht", "stelt", "Zelle", "Wouter Zelle"),
 ("mixed", "zijn er mensen die 'vanuit hun genderideologie' de neiging hebben te 'geloven' dat een transitie altijd de oplossing is", "Volgens", "Zelle", "Wouter Zelle"),
 ("mixed", "over 'plotselinge aanvallen van genderdysforie' in Amerika ten gevolge van 'kopieergedrag'", "schrijft", "Zelle", "Wouter Zelle"),
],
10673620: [
 ("direct", "Het is alleen een andere kleur verf, voor de rest is het onderhoud zoals dat van alle andere schepen in de haven", "vertelt", "Carolien Verberne", "Carolien Verberne"),
 ("direct", "Het is bijzonder dat het marineschip hier ligt. Toch zie ik het ook gewoon als een van onze projecten. Wij zijn net een autogarage en onze klant wil zo snel mogelijk weer kunnen rijden.", "", "", "Vincent Arends"),
 ("indirect", "De afgelopen jaren volbracht het schip meerdere humanitaire missies", "vertelt", "Verberne", "Carolien Verberne"),
 ("direct", "In de periode dat ebola snel om zich heen greep in West-Afrika hebben we beschermende pakken, voertuigen en medicijnen gebracht. Daarnaast hebben we geholpen op Sint-Maarten na de verwoestende orkaan Irma. Er was een groot tekort aan drinkwater en voedsel. Maar ook jeeps en politieauto's hebben we aan land gezet.", "", "", "Carolien Verberne"),
 ("direct", "In het havengebied viel het nog mee. Pas toen we met kleinere bootjes naar afgelegen plekken gingen, werden we met onze neus op de feiten gedrukt. De mensen klommen over elkaar heen om de hulpgoederen aan te pakken. Dat maak je niet mee bij een oefening.", "", "", "Kady Moerenhout"),
 ("direct", "Normaal ben ik logistiek officier, maar als we in de haven liggen, wordt het hoofd van een dienst de commandant. En dat ben ik deze keer in mijn eigen stad.", "", "", "Carolien Verberne"),
 ("direct", "Het schip wordt teruggebracht naar de 'burgerstatus' om onderhoud te kunnen plegen. Maar het is standaard ook niet uitgerust met een groot wapenarsenaal, het is een logistiek ondersteuningsschip. Wel kunnen we helikopters aan boord meenemen ter bescherming. Maar onze systemen aan boord zijn er vooral op gericht om ons te kunnen verdedigen. Als we in een hoog geweldsspectrum terechtkomen, worden we geëscorteerd door fregatten en hebben we hulp van anderen nodig.", "", "", "Carolien Verberne"),
 ("direct", "Tot de zomervakantie liggen we in Amsterdam en dan gaan we naar Den Helder", "vertelt", "Verberne", "Carolien Verberne"),
 ("direct", "Dan worden de wapens weer gemonteerd en wordt er onderhoud aan gepleegd. Daarna gaan we de bemanning trainen en de systemen klaarmaken voor een volgende missie. Maar waar dat deze keer zal zijn, weten we nog niet.", "", "", "Carolien Verberne"),
],
}
