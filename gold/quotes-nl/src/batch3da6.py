# Hand annotations, round 3 dev, part A, file 6 (see ../../GUIDE.md and ../../src/batch1.py
# for the format). Written by reading each article only (no kroniek output on them).
ANN = {
10762426: [
 ("direct", "heldhaftig optreden", "beschrijven", "zijn collega's", ""),
 ("indirect", "het stoppen van de twee dieven midden op de snelweg eerder een impulsactie", "noemt", "de monteur koudetechniek", "Peter"),
 ("direct", "Mijn vriendin schrok toen ik het haar 's avonds vertelde. Maar ze was ook wel trots. Agenten zeiden dat ze die twee mogelijk kwijt waren geraakt, als ik niet had geremd.", "", "", "Peter"),
 ("direct", "In m'n spiegels zag ik een auto met hoge snelheid en zigzaggend door het verkeer dichterbij komen", "herinnert", "hij", "Peter"),
 ("direct", "Sowieso ben ik iemand die dan denkt: 'Je komt er bij mij niet zo makkelijk langs'. Toen ik zag dat er een politiewagen met sirenes achteraan kwam, wist ik helemaal dat het niet klopte.", "", "", "Peter"),
 ("direct", "Ik wilde ze er echt niet langs laten. Ik remde licht af. Toen deden ze nóg een inhaalpoging. 'Dan flink op de rem', dacht ik. Toen tikten ze me aan.", "", "", "Peter"),
 ("direct", "Ze wilden tussen m'n bus en de politiewagen glippen en probeerden zelfs een agent aan te rijden", "stelt", "hij", "Peter"),
 ("direct", "Ik reed vol in z'n achteruit tegen hun auto aan. Toen konden ze geen kant meer op.", "", "", "Peter"),
 ("direct", "Die twee keken me daarna zó enorm boos aan.", "", "", "Peter"),
 ("direct", "Die kan wel tegen een stootje. Binnenkort krijg ik van de baas toevallig toch een nieuwe.", ":", "", "Peter"),
],
10762971: [
 ("direct", "Ayyyyy, it's gonna be a party alrite.", "", "", "Vice"),
 ("direct", "U komt voor de Beach Bum-party?", "vraagt", "een meisje", ""),
 ("direct", "U hebt in elk geval erg uw best gedaan. U ziet er heel erg beach bum uit.", ":", "Meisje", ""),
 ("indirect", "of ik eerder films van Harmony Korine heb gezien", "vraagt", "Een jongeman", ""),
 ("direct", "Die gaat over het neuken van vuilnis.", "", "", ""),
 ("direct", "Dag, meneer.", "zegt", "Een meisje", "Leone Vriese"),
 ("direct", "Ik hou ervan als ik me kan identificeren en dat kon ik in deze film met niemand.", "", "", "Charlotte van Bochove"),
 ("direct", "dag meneer", "zei", "het meisje", "Leone Vriese"),
 ("direct", "Weet ik,", "zegt", "Leone Vriese", "Leone Vriese"),
 ("direct", "Ik heb al eens in Schuim gestaan.", "", "", "Leone Vriese"),
],
10766846: [
 ("indirect", "De boete van 25.000 euro voor wie de plannen verklapt over het programma van Koningsdag in Amersfoort, wordt geschrapt", "zegt", "de gemeente Amersfoort", "gemeente Amersfoort|Amersfoort"),
 ("indirect", "De gemeente behoudt zich het recht voor naast de boete een schadevergoeding te eisen", "lezen", "het document", ""),
 ("indirect", "de boete van tafel is", "laat", "Woordvoerder Iris van Veen", "Iris van Veen"),
 ("direct", "De geheimhoudingsverklaring hebben we bedacht toen er nog weinig plannen waren rondom Koningsdag. Dit om te voorkomen dat bepaalde partijen het nieuws naar buiten zouden brengen, voordat wij dat konden doen.", "", "", "Iris van Veen"),
 ("indirect", "Nu is de boete niet meer nodig", "volgens", "de gemeente", "gemeente Amersfoort|Amersfoort"),
 ("direct", "Het gaat nu om het verrassingselement. De boete wordt daarom geschrapt, behalve voor bepaalde partijen die bekend zijn met een aantal veiligheidsoverwegingen.", ":", "Van Veen", "Iris van Veen"),
 ("indirect", "de boete wordt geschrapt", "staat", "een brief", ""),
 ("indirect", "Tilburg, de stad waar de koning twee jaar geleden zijn verjaardag vierde, eenzelfde boeteclausule hanteerde", "stelde", "Amersfoort", "gemeente Amersfoort|Amersfoort"),
 ("direct", "De genoemde boete op het verbreken van de geheimhouding is buitenproportioneel, maar nu de burgemeester heeft toegezegd dat de boete niet doorgaat, trekken we onze vragen in", "aldus", "fractievoorzitter Maarten Flikkema", "Maarten Flikkema"),
],
}
