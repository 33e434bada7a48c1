#!/usr/bin/env python3
"""Builds the importer's corpus of order documents (see README.md beside this script).

Every document is rendered from HTML that this script writes, then printed or converted by a real office
program, so the corpus holds what those programs really produce:

* Chromium's print-to-PDF (``chromium --headless --print-to-pdf``), which repeats ``<thead>`` on every page;
* LibreOffice (``soffice --headless --convert-to pdf|docx|odt`` with the Writer HTML import filter).

Two kinds of source:

* the two fixture orders (``../shared/fixtures/roadmaps/*.txt``, never edited): their order paragraphs are
  taken from the fixture text, their annex from the checked-in golden preview
  (``../importer/golden/<fixture>.json``), one table row per item as the originals had it; their expected
  file only names that golden preview;
* orders written here in the style of the fixtures (``sources/<name>.json``): the source file is the
  expected file at the same time: paragraphs, headings and cells to print plus, written by hand, what the
  importer must read from them (deadline kinds and periods, level, municipality, organisations).

Usage (needs python3, chromium, libreoffice-writer-nogui; CI does not run it, the outputs are committed):
    roadmap-service/src/test/resources/orders/generate.py [--fixtures DIR] [name ...]
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "importer", "golden")
SOURCES = os.path.join(HERE, "sources")

# name -> (source, producer, format, layout options)
DOCUMENTS = {
    "kirov-chromium-centred-landscape": ("kirov-2022-order-324", "chromium", "pdf",
                                         dict(landscape=True, align="center")),
    "kirov-libreoffice": ("kirov-2022-order-324", "libreoffice", "docx", dict(align="center")),
    "kirov-chromium-borderless-portrait": ("kirov-2022-order-324", "chromium", "pdf",
                                           dict(align="left", borders=False)),
    "irkutsk-chromium-wrapped-portrait": ("irkutsk-2021-order-294", "chromium", "pdf",
                                          dict(align="center", narrow=True, soft_hyphens=True)),
    "irkutsk-chromium-left-landscape": ("irkutsk-2021-order-294", "chromium", "pdf",
                                        dict(landscape=True, align="left", column_numbers=True)),
    "irkutsk-libreoffice": ("irkutsk-2021-order-294", "libreoffice", "odt", dict(align="center")),
    "irkutsk-libreoffice-portrait": ("irkutsk-2021-order-294", "libreoffice", "pdf",
                                     dict(align="center", column_numbers=True)),
    "municipal-flat-chromium": ("municipal-flat", "chromium", "pdf", dict(align="center")),
    "municipal-flat-libreoffice": ("municipal-flat", "libreoffice", "pdf", dict(align="center", narrow=True)),
    "regional-three-levels-chromium": ("regional-three-levels", "chromium", "pdf",
                                       dict(landscape=True, align="center", soft_hyphens=True)),
    "regional-roman-libreoffice": ("regional-roman", "libreoffice", "pdf", dict(align="center")),
    "regional-roman-chromium": ("regional-roman", "chromium", "pdf", dict(align="left", landscape=True)),
    "municipal-unknown-column-chromium": ("municipal-unknown-column", "chromium", "pdf",
                                          dict(align="center", column_numbers=True)),
    "municipal-unknown-column-libreoffice": ("municipal-unknown-column", "libreoffice", "docx",
                                             dict(align="center")),
}

ROLE_FIELDS = {"NUMBER": "number", "TASK": "text", "DEADLINE": "deadline", "EXECUTOR": "executorsText",
               "INDICATOR": "indicator", "INFORMATION": "information", "NOTE": "note"}


def fixture_paragraphs(fixtures, name):
    paragraphs = []
    with open(os.path.join(fixtures, name + ".txt"), encoding="utf-8") as text:
        for line in text:
            if "\t" in line:
                break
            line = re.sub(r"<[^>]+>", " ", line)
            line = re.sub(r"\s+", " ", line).strip()
            if line:
                paragraphs.append(line)
    return paragraphs


def fixture_source(fixtures, name):
    """The fixture order as a source: its paragraphs and, from the golden preview, its annex."""
    with open(os.path.join(GOLDEN, name + ".json"), encoding="utf-8") as file:
        golden = json.load(file)
    columns = [(c["heading"], c["role"]) for c in golden["columns"]]
    rows = []
    for section in golden["sections"]:
        for title in [section["title"]] + section["subtitles"]:
            rows.append({"section": section["number"] + ". " + title})
        for item in section["items"]:
            cells = []
            for _, role in columns:
                value = item.get(ROLE_FIELDS.get(role, ""), "") if role else ""
                if role == "DEADLINE":
                    value = item["deadline"]["raw"]
                cells.append(value or "")
            rows.append({"cells": cells})
    return {"paragraphs": fixture_paragraphs(fixtures, name), "headings": [[c[0] for c in columns]], "rows": rows}


def authored_source(name):
    """An order written in the style of the fixtures: its expected file holds what to print."""
    with open(os.path.join(SOURCES, name + ".json"), encoding="utf-8") as file:
        expected = json.load(file)
    width = len(expected["headings"][-1])
    rows = []
    for section in expected["sections"]:
        if section.get("print"):
            rows.append({"numbered": section["print"]} if section.get("style") == "numbered"
                        else {"section": section["print"]})
        for item in section["items"]:
            cells = item.get("cells")
            if cells is None:
                cells = [item["number"], item["text"], item["deadline"]["raw"], item["executorsText"],
                         item.get("indicator") or ""]
            assert len(cells) == width, (name, item["number"], len(cells), width)
            rows.append({"cells": cells})
    return {"paragraphs": expected["paragraphs"], "headings": expected["headings"], "rows": rows,
            "before_table": expected.get("beforeTable", [])}


VOWELS = "аеёиоуыэюяaeiouy"


def soft_hyphens(text):
    """Soft hyphens inside long words, after a vowel that a consonant follows, as word processors hyphenate."""
    def hyphenate(match):
        word = match.group(0)
        if len(word) < 10:
            return word
        out = []
        for i, ch in enumerate(word):
            out.append(ch)
            if 3 <= i < len(word) - 4 and ch.lower() in VOWELS and word[i + 1].lower() not in VOWELS:
                out.append("\u00ad")
        return "".join(out)
    return re.sub(r"[А-Яа-яЁё]+", hyphenate, text)


def render(source, options, producer):
    align = options.get("align", "center")
    narrow = options.get("narrow", False)
    landscape = options.get("landscape", False)
    shy = options.get("soft_hyphens", False)
    headings = source["headings"]
    width = len(headings[-1])

    def cell_text(text):
        escaped = html.escape(text)
        escaped = soft_hyphens(escaped) if shy else escaped
        # a web address may break after a slash, as word processors allow
        return re.sub(r"https?://\S+", lambda url: url.group(0).replace("/", "/\u200b"), escaped)

    out = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><style>',
           "@page { size: A4 %s; margin: 15mm; }" % ("landscape" if landscape else "portrait"),
           "body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: %spt; }" % (
               "9" if narrow else "10"),
           "p { margin: 0 0 4pt 0; }",
           "table { border-collapse: collapse; width: 100%; }",
           "th, td { %s padding: 2pt 3pt; vertical-align: top; }" % (
               "border: 1px solid black;" if options.get("borders", True) else "border: none;"),
           "th { text-align: %s; font-weight: bold; vertical-align: middle; }" % align,
           "td.section { font-weight: bold; }",
           "tr { page-break-inside: auto; }",
           "</style></head><body>"]
    for paragraph in source["paragraphs"]:
        centred = paragraph.isupper() or paragraph.startswith(("ДОРОЖНАЯ", "№", "г. "))
        out.append('<p%s>%s</p>' % (' align="center"' if centred else "", html.escape(paragraph)))
    borders = options.get("borders", True)
    out.append('<table width="100%%" cellspacing="0" cellpadding="3" border="%d">' % (1 if borders else 0))
    col_widths = column_widths(headings[-1], narrow)
    out.append("<thead>")
    for r, heading in enumerate(headings):
        out.append("<tr>")
        c = 0
        while c < len(heading):
            span = 1
            while c + span < len(heading) and heading[c + span] == "" and r == 0 and len(headings) > 1 \
                    and headings[1][c + span] != "":
                span += 1
            rowspan = 2 if r == 0 and len(headings) > 1 and headings[1][c] == "" else 1
            if r == 1 and headings[0][c] != "" and heading[c] == "" and c > 0 and False:
                pass
            if r == 1 and heading[c] == "":
                c += 1
                continue
            out.append('<th%s%s%s>%s</th>' % (' width="%d%%"' % sum(col_widths[c:c + span]) if r == 0 else "",
                                            ' colspan="%d"' % span if span > 1 else "",
                                            ' rowspan="2"' if rowspan > 1 else "", html.escape(heading[c])))
            c += span
        out.append("</tr>")
    if options.get("column_numbers"):
        out.append("<tr>" + "".join('<th>%d</th>' % (i + 1) for i in range(width)) + "</tr>")
    out.append("</thead><tbody>")
    for row in source["rows"]:
        if "section" in row:
            out.append('<tr><td class="section" valign="top" colspan="%d"><b>%s</b></td></tr>'
                       % (width, cell_text(row["section"])))
        elif "numbered" in row:
            number, title = row["numbered"]
            out.append('<tr><td class="section" valign="top"><b>%s</b></td>'
                       '<td class="section" valign="top" colspan="%d"><b>%s</b></td></tr>'
                       % (html.escape(number), width - 1, cell_text(title)))
        else:
            out.append("<tr>" + "".join('<td valign="top">%s</td>' % cell_text(c) for c in row["cells"]) + "</tr>")
    out.append("</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out)


def column_widths(headings, narrow):
    weights = []
    for heading in headings:
        h = heading.lower()
        if h.startswith("№") or h == "":
            weights.append(5)
        elif "срок" in h or "дата" in h:
            weights.append(9 if narrow else 12)
        elif "наименование" in h or "задач" in h or "мероприят" in h:
            weights.append(30)
        else:
            weights.append(18)
    total = sum(weights)
    return [round(100 * w / total) for w in weights]


def convert(html_file, producer, fmt, target):
    work = os.path.dirname(html_file)
    if producer == "chromium":
        assert fmt == "pdf"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + target, html_file], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return
    filters = {"pdf": "pdf:writer_pdf_Export", "docx": 'docx:MS Word 2007 XML', "odt": "odt:writer8"}
    subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", filters[fmt],
                    "--outdir", work, html_file], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.move(os.path.splitext(html_file)[0] + "." + fmt, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", default=find_fixtures())
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    names = args.names or list(DOCUMENTS)
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            source_name, producer, fmt, options = DOCUMENTS[name]
            fixture = os.path.exists(os.path.join(GOLDEN, source_name + ".json"))
            source = fixture_source(args.fixtures, source_name) if fixture else authored_source(source_name)
            html_file = os.path.join(work, name + ".html")
            with open(html_file, "w", encoding="utf-8") as file:
                file.write(render(source, options, producer))
            target = os.path.join(HERE, name + "." + fmt)
            convert(html_file, producer, fmt, target)
            expected = {"document": os.path.basename(target), "producer": producer_name(producer),
                        "layout": describe(options),
                        "expected": ("golden:" + source_name) if fixture else ("sources/" + source_name + ".json")}
            with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as file:
                json.dump(expected, file, ensure_ascii=False, indent=2)
                file.write("\n")
            print("%-45s %8d bytes" % (os.path.basename(target), os.path.getsize(target)))


def find_fixtures():
    """shared/fixtures/roadmaps in a directory above this one, as the tests look for it."""
    directory = HERE
    while directory != os.path.dirname(directory):
        candidate = os.path.join(directory, "shared", "fixtures", "roadmaps")
        if os.path.isdir(candidate):
            return candidate
        directory = os.path.dirname(directory)
    return None


def producer_name(producer):
    if producer == "chromium":
        return "Chromium " + subprocess.run(["chromium", "--version"], capture_output=True, text=True)\
            .stdout.split()[1] + " print-to-PDF"
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.split()
    return "LibreOffice " + (version[1] if len(version) > 1 else "")


def describe(options):
    parts = ["landscape" if options.get("landscape") else "portrait",
             "ruled" if options.get("borders", True) else "no ruling lines",
             "header " + options.get("align", "center")]
    if options.get("narrow"):
        parts.append("narrow columns, wrapped header")
    if options.get("soft_hyphens"):
        parts.append("hyphenated words")
    if options.get("column_numbers"):
        parts.append("column-number row")
    return ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
