#!/usr/bin/env python3
"""Deterministic synthetic registry for the benchmark.

Writes either CSV files for PostgreSQL COPY into the tables of V3 (--format csv, what run.sh
loads today) or the JSON document of POST /api/v1/imports (--format json), from the same
random stream: the same --seed and sizes give the same records in both.

Also writes the request lists wrk replays (urls-*.txt), picked from the generated data so that
every request hits something real.

Spread, roughly as in real diplomatic records: countries by a Zipf law (a few big players meet
a lot), years 1990-2025 leaning recent, mostly bilateral meetings (2 participants) with a tail
up to 8, 1-3 cooperation areas, outcomes on about half the meetings.
"""
import argparse
import calendar
import csv
import json
import os
import random
import re
from urllib.parse import quote

FIRST = ["Anna", "Boris", "Carlos", "Dana", "Elif", "Farid", "Giulia", "Hiroshi", "Ines", "Jan", "Kamila",
         "Luc", "Maria", "Nurlan", "Olga", "Pierre", "Qin", "Rosa", "Sergei", "Tomas", "Ulla", "Viktor",
         "Wei", "Xavier", "Yasmin", "Zoltan", "Aigerim", "Bernard", "Chiara", "Dmitri", "Emma", "Fatima",
         "Gustav", "Hana", "Ivan", "Jorge", "Karin", "Lars", "Mehmet", "Nadia", "Omar", "Paula", "Ramon",
         "Sofia", "Timur", "Ursula", "Vera", "Walter", "Yuki", "Zeynep", "Étienne", "José", "Zoë", "Søren"]
SURNAME_PARTS = ["ber", "stein", "ov", "ova", "ski", "son", "sen", "ez", "es", "ini", "elli", "mann", "kov",
                 "enko", "yan", "oglu", "ida", "moto", "uchi", "ard", "eau", "ier", "lund", "berg", "ic", "escu"]
SURNAME_STEMS = ["Abdul", "Bak", "Cast", "Dub", "Erd", "Fern", "Garc", "Hal", "Ivan", "Jak", "Kuz", "Lamb",
                 "Mart", "Nov", "Orl", "Petr", "Ross", "Sal", "Tan", "Usm", "Volk", "Wern", "Yil", "Zhan",
                 "Kusp", "Schneid", "Etg", "Gra", "Nazar", "Tokay", "Frieden", "Juncker", "Bettel", "Asselb"]
TITLES = ["Minister of Foreign Affairs", "Prime Minister", "Deputy Prime Minister", "Minister of Economy",
          "Minister of Health", "Ambassador", "President", "Speaker of Parliament", "Minister of Defence",
          "Minister of Finance", "Member of Parliament", "Deputy Minister of Foreign Affairs",
          "Minister of Energy", "Minister of Education", "Governor of the Central Bank"]
AREAS = [("trade", "Trade", None), ("investment", "Investment", None), ("energy", "Energy", None),
         ("renewable-energy", "Renewable energy", "energy"), ("nuclear-energy", "Nuclear energy", "energy"),
         ("security", "Security", None), ("defence", "Defence", "security"), ("counter-terrorism", "Counter-terrorism", "security"),
         ("education", "Education", None), ("culture", "Culture", None), ("tourism", "Tourism", None),
         ("agriculture", "Agriculture", None), ("transport", "Transport", None), ("logistics", "Logistics", "transport"),
         ("climate", "Climate", None), ("water", "Water management", "climate"), ("migration", "Migration", None),
         ("science", "Science", None), ("artificial-intelligence", "Artificial intelligence", "digital-technologies"),
         ("vaccines", "Vaccines", "health")]
SEED_AREAS = ["finance", "space-industry", "health", "digital-technologies", "parliamentary-cooperation",
              "digitalisation-of-health-care", "telemedicine", "financial-technology"]
KINDS = [("MEETING", 50), ("TALKS", 20), ("VISIT", 12), ("CALL", 10), ("CREDENTIALS", 3), ("CONFERENCE", 4), ("OTHER", 1)]
OUTCOMES = ["AGREEMENT", "INVITATION", "STATEMENT", "SIGNED_DOCUMENT", "OTHER"]
WORDS = ["cooperation", "bilateral", "dialogue", "partnership", "strategic", "agreement", "investment", "trade",
         "regional", "security", "development", "economic", "relations", "joint", "commission", "memorandum",
         "projects", "support", "visit", "summit", "negotiations", "infrastructure", "sustainable", "digital",
         "transition", "humanitarian", "exchange", "sanctions", "stability", "growth", "programme", "initiative"]
CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввкиз"))
ID_OFFSET = 100  # the seed record (V4) holds the first ids


def countries(migration):
    with open(migration, encoding="utf-8") as text:
        return re.findall(r"\('([A-Z]{2})', '[A-Z]{3}', '((?:[^']|'')*)'\)", text.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=100_000)
    parser.add_argument("--officials", type=int, default=None, help="default: meetings / 10")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument("--out", default="bench/work/data")
    parser.add_argument("--countries", default="src/main/resources/db/migration/V2__insert_countries.sql")
    args = parser.parse_args()
    n_officials = args.officials or max(args.meetings // 10, 100)
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    all_countries = countries(args.countries)
    codes = [code for code, _ in all_countries]
    rnd.shuffle(codes)
    country_weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(codes))]
    country_name = dict(all_countries)

    # organizations: a foreign ministry, a parliament and a government per country
    organizations = []
    org_of = {}
    for code in codes:
        for kind, name in (("MINISTRY", "Ministry of Foreign Affairs"), ("PARLIAMENT", "Parliament"),
                           ("GOVERNMENT", "Government")):
            org_id = ID_OFFSET + len(organizations)
            organizations.append((org_id, f"{name} of {country_name[code].replace(chr(39) * 2, chr(39))}", kind, code))
            org_of[(code, kind)] = org_id

    officials, aliases, positions = [], [], []
    by_country = {}
    for index in range(n_officials):
        official_id = ID_OFFSET + index
        code = rnd.choices(codes, country_weights)[0]
        first = rnd.choice(FIRST)
        last = rnd.choice(SURNAME_STEMS) + rnd.choice(SURNAME_PARTS)
        full_name = f"{first} {last}"
        officials.append((official_id, full_name, code))
        by_country.setdefault(code, []).append(official_id)
        if rnd.random() < 0.3:
            aliases.append((official_id, f"{last} {first}"))
        if rnd.random() < 0.15:
            aliases.append((official_id, "".join(CYRILLIC.get(c, c) for c in f"{last} {first}".lower()).title()))
        start_year = rnd.randint(1985, 2022)
        for list_index in range(rnd.choice((1, 1, 2, 3))):
            title = rnd.choice(TITLES)
            kind = "PARLIAMENT" if "Parliament" in title else "MINISTRY" if "Foreign" in title else "GOVERNMENT"
            start = f"{start_year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() < 0.8 else ""
            end_year = start_year + rnd.randint(1, 6)
            end = f"{end_year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() < 0.6 else ""
            if start and end and end < start:
                end = ""
            positions.append((official_id, list_index, title, org_of[(code, kind)], start, end))
            start_year = end_year
    official_codes = [code for code in codes if code in by_country]
    official_weights = [country_weights[codes.index(code)] for code in official_codes]

    area_codes = SEED_AREAS + [code for code, _, _ in AREAS]
    area_weights = [1.0 / (rank + 1) ** 0.7 for rank in range(len(area_codes))]
    kinds, kind_weights = zip(*KINDS)
    years = list(range(1990, 2026))
    year_weights = [1 + (year - 1990) / 6 for year in years]
    name_of = {official_id: name for official_id, name, _ in officials}

    meetings, participants, meeting_areas, outcomes, sources = [], [], [], [], []
    for index in range(args.meetings):
        meeting_id = ID_OFFSET + index
        host, guest = rnd.choices(official_codes, official_weights, k=2)
        while guest == host:
            guest = rnd.choices(official_codes, official_weights)[0]
        kind = rnd.choices(kinds, kind_weights)[0]
        year = rnd.choices(years, year_weights)[0]
        precision = rnd.random()
        if precision < 0.85:
            month, day = rnd.randint(1, 12), rnd.randint(1, 28)
            date_text = f"{year}-{month:02d}-{day:02d}"
            date_start = date_end = date_text
        elif precision < 0.95:
            month = rnd.randint(1, 12)
            date_text = f"{year}-{month:02d}"
            date_start, date_end = f"{date_text}-01", f"{date_text}-{calendar.monthrange(year, month)[1]:02d}"
        else:
            date_text, date_start, date_end = str(year), f"{year}-01-01", f"{year}-12-31"
        count = rnd.choices((2, 3, 4, 5, 6, 8), (70, 14, 8, 4, 3, 1))[0]
        people = []
        for position in range(count):
            country = host if position % 2 == 0 else guest
            official_id = rnd.choice(by_country[country])
            if official_id not in (person for person, _ in people):
                people.append((official_id, country))
        areas = rnd.sample(area_codes, k=rnd.choice((1, 1, 2, 3))) if rnd.random() < 0.9 else []
        area_words = ", ".join(area.replace("-", " ") for area in areas) or "bilateral relations"
        title = (f"{name_of[people[0][0]]} meets {name_of[people[-1][0]]}" if kind != "VISIT"
                 else f"{name_of[people[-1][0]]} visits {country_name[host]}").replace("''", "'")
        summary = (f"The sides discussed {area_words}. "
                   + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(15, 40))) + ".")
        meetings.append((meeting_id, kind, title, summary, date_text, date_start, date_end,
                         "" if rnd.random() < 0.3 else f"City {rnd.randint(1, 40)}", host))
        for list_index, (official_id, country) in enumerate(people):
            participants.append((meeting_id, list_index, official_id, rnd.choice(TITLES), country))
        for area in areas:
            meeting_areas.append((meeting_id, area))
        for list_index in range(rnd.choices((0, 1, 2), (50, 35, 15))[0]):
            outcomes.append((meeting_id, list_index, rnd.choice(OUTCOMES),
                             "The parties agreed on " + " ".join(rnd.choice(WORDS) for _ in range(8)) + "."))
        sources.append((meeting_id, 0, f"https://news.example.org/{meeting_id}", "Example News", ""))

    if args.format == "csv":
        write_csv(args.out, "organizations", organizations)
        write_csv(args.out, "officials", officials)
        write_csv(args.out, "official_aliases", aliases)
        write_csv(args.out, "positions", positions)
        write_csv(args.out, "cooperation_areas", AREAS)
        write_csv(args.out, "meetings", meetings)
        write_csv(args.out, "meeting_participants", participants)
        write_csv(args.out, "meeting_cooperation_areas", meeting_areas)
        write_csv(args.out, "meeting_outcomes", outcomes)
        write_csv(args.out, "meeting_sources", sources)
    else:
        write_import_document(args.out, organizations, officials, aliases, positions, meetings, participants,
                              meeting_areas, outcomes, sources)

    # what wrk replays: real ids, real pairs and years, real areas, real name words
    common_pairs = [(codes[a], codes[b]) for a in range(6) for b in range(6) if a != b]
    with open(os.path.join(args.out, "urls-meeting.txt"), "w") as out:
        for _ in range(20_000):
            out.write(f"/api/v1/meetings/{ID_OFFSET + rnd.randrange(args.meetings)}\n")
    with open(os.path.join(args.out, "urls-list-pair-year.txt"), "w") as out:
        for _ in range(5_000):
            a, b = rnd.choice(common_pairs)
            year = rnd.choices(years, year_weights)[0]
            out.write(f"/api/v1/meetings?country={a}&counterpart={b}&from={year}-01-01&to={year}-12-31\n")
    with open(os.path.join(args.out, "urls-list-area.txt"), "w") as out:
        for _ in range(5_000):
            area = rnd.choice(area_codes)
            extra = rnd.choice(("", f"&country={rnd.choice(codes[:20])}", f"&from={rnd.choice(years)}-01-01"))
            out.write(f"/api/v1/meetings?area={area}{extra}\n")
    with open(os.path.join(args.out, "urls-list-q.txt"), "w") as out:
        for _ in range(5_000):
            _, name, _ = rnd.choice(officials)
            first, last = name.split(" ", 1)
            q = rnd.choice((last, last.lower(), f"{first} {last}", last[:5], rnd.choice(WORDS) + " " + last))
            out.write("/api/v1/meetings?q=" + quote(q) + "\n")
    with open(os.path.join(args.out, "urls-official-meetings.txt"), "w") as out:
        for _ in range(5_000):
            out.write(f"/api/v1/officials/{rnd.choice(officials)[0]}/meetings\n")
    with open(os.path.join(args.out, "urls-relations.txt"), "w") as out:
        for _ in range(5_000):
            a, b = rnd.choices(official_codes[:40], k=2)
            out.write(f"/api/v1/countries/{a}/relations/{b}\n")


def write_csv(directory, table, rows):
    with open(os.path.join(directory, table + ".csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])


def write_import_document(directory, organizations, officials, aliases, positions, meetings, participants,
                          meeting_areas, outcomes, sources):
    """The POST /api/v1/imports document: records keyed by externalId, references by ...Ref."""
    def ref(kind, key):
        return f"bench-{kind}:{key}"

    aliases_of, positions_of = {}, {}
    for official_id, alias in aliases:
        aliases_of.setdefault(official_id, []).append(alias)
    for official_id, _, title, org_id, start, end in positions:
        positions_of.setdefault(official_id, []).append(
            {"title": title, "organizationRef": ref("organization", org_id), "startDate": start or None,
             "endDate": end or None})
    parts, areas_of, outcomes_of, sources_of = {}, {}, {}, {}
    for meeting_id, _, official_id, role, country in participants:
        parts.setdefault(meeting_id, []).append(
            {"officialRef": ref("official", official_id), "role": role, "countryCode": country})
    for meeting_id, area in meeting_areas:
        areas_of.setdefault(meeting_id, []).append(area)
    for meeting_id, _, kind, description in outcomes:
        outcomes_of.setdefault(meeting_id, []).append({"type": kind, "description": description})
    for meeting_id, _, url, publisher, _ in sources:
        sources_of.setdefault(meeting_id, []).append({"url": url, "publisher": publisher})
    document = {
        "organizations": [{"externalId": ref("organization", org_id), "name": name, "kind": kind,
                           "countryCode": country} for org_id, name, kind, country in organizations],
        "officials": [{"externalId": ref("official", official_id), "fullName": name, "countryCode": country,
                       "aliases": aliases_of.get(official_id, []), "positions": positions_of.get(official_id, [])}
                      for official_id, name, country in officials],
        "cooperationAreas": [{"externalId": ref("area", code), "code": code, "name": name, "parentCode": parent}
                             for code, name, parent in AREAS],
        "meetings": [{"externalId": ref("meeting", meeting_id), "kind": kind, "title": title, "summary": summary,
                      "date": date_text, "location": {"city": city or None, "countryCode": country},
                      "participants": parts.get(meeting_id, []), "cooperationAreas": areas_of.get(meeting_id, []),
                      "outcomes": outcomes_of.get(meeting_id, []), "sources": sources_of.get(meeting_id, [])}
                     for meeting_id, kind, title, summary, date_text, _, _, city, country in meetings],
    }
    with open(os.path.join(directory, "import.json"), "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
