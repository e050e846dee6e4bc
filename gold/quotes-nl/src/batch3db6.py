# Hand annotations, round 3 dev, part B, file 6 (see ../../GUIDE.md for the rules and
# ../../src/batch1.py for the format). Written by reading the article texts only.
ANN = {
10804016: [
 ("indirect", "werk- en leerplezier te weinig aandacht krijgen", "vindt", "Dave Ensberg-Kleijkers", "Dave Ensberg-Kleijkers"),
 ("direct", "De voorbereiding van zo'n les vraagt meer dan de voorbereiding van een normale les, maar het betaalt zich terug. Kinderen zijn enthousiaster, meer betrokken en nemen de lesstof beter op via een buitenles. Ook na de les heeft dat positieve effecten.", "zei", "Zij", ""),
 ("indirect", "ze de buitenlesdag beoordelen met een 8,8", "komt", "onderzoek onder 400 kinderen", ""),
 ("indirect", "Ze zouden het liefst één dag in de week buiten willen leren", "", "", ""),
],
10806591: [
 ("indirect", "Eindelijk", "juicht", "zij", "Armina Hambartsjumian"),
 ("indirect", "Een uitwas van het Nederlandse asielbeleid", "stelt", "tegenstander PVV", "PVV"),
 ("indirect", "Hambartsjumian kan het nieuws nauwelijks bevatten", "vertelt", "ze", "Armina Hambartsjumian"),
 ("direct", "Het is niet te verwoorden. Ik mag eindelijk weer naar mijn kinderen.", "", "", "Armina Hambartsjumian"),
 ("indirect", "ze volgens de IND geen recht meer hadden op verblijf hier", "volgens", "de IND", "Immigratie- en Naturalisatiedienst|IND"),
 ("direct", "Ik heb Howick meteen gebeld. Hij was net uit school. Hij is zo blij. En Lili heb ik even later gesproken toen ze pauze had op school. Ze wilde het uitschreeuwen van blijdschap.", "", "", "Armina Hambartsjumian"),
 ("direct", "Er moet nog heel veel geregeld worden.", "", "", "Armina Hambartsjumian"),
 ("direct", "Ik ben blij voor de kinderen. De moeder is uiteraard ook zeer welkom om in Wijchen te komen wonen", "zegt", "de Wijchense wethouder Nick Derks", "Nick Derks"),
 ("direct", "Tijd voor feest en taart. Ik heb al even met Howick geappt en hij was heel erg blij.", ":", "Harald", "Harald"),
 ("direct", "Sinds mijn moeder weg is, lijkt het alsof mijn leven stilstaat. Ik heb geen zin om dingen te doen die ik wel deed toen mijn moeder er nog was. Ik ben erg opgelucht dat het goedkomt", "vertelde", "ze", "Lili"),
 ("direct", "Wij vinden dat het hele gezin nooit een verblijfsvergunning had moeten krijgen", "zegt", "Kamerlid Sietse Fritsma", "Sietse Fritsma"),
 ("direct", "De terugkeer van deze moeder is het gevolg van de fout die de staatssecretaris heeft gemaakt door toch om te gaan voor de asielindustrie. Geen enkel gezin gaat nu meer weg, ook door de uitbreiding van het kinderpardon, terwijl er steeds nieuwe grensgevallen bijkomen.", "", "", "Sietse Fritsma"),
],
}
