#!/usr/bin/env python3
"""Writes crates/report/tests/corpus/README.md, the index of the corpus of real reports, from the
keys: run it after adding an entry (tests/corpus.rs fails while an entry is missing from it)."""
import glob, json, os, re
from collections import Counter

CORPUS = os.path.join(os.path.dirname(__file__), "..", "crates", "report", "tests", "corpus")

WHERE_WE_LOOKED = """## Where we looked

Only public material reachable from this machine: the search tool's stored code and web pages, and
whole public repositories it can fetch.

- **Archives of government websites:** `changwu/sanming-policy-opening-html` (三明市: the city
  government's own reports 2021–2025, crawler text) and `changwu/putian-policy-opening-html`
  (莆田市: saved pages of city departments). The other city archives of that owner (福州, 泉州,
  漳州, 厦门, 龙岩, 南平, 南京) have no stored files. The 平潭综合实验区 archive is held aside for
  an independent check and was not opened.
- **Projects that compare or audit such reports:** `zxj6827111-blip/KIROGOVCOMPARE` and
  `zxj6827111-blip/govnianbao` keep sample PDFs (淮安市, 洪泽区) and converter output (上海市科委,
  上海市人民政府办公厅, 沭阳县); the PDFs were turned into text here with pdftotext (poppler 22.12),
  as a user's PDF reader would. Their other samples (测试市, 黄浦区财政局) are made up and were left out.
- **Stored web pages** (the search tool's `pages` corpus, first 2,000 bytes of a page): about 70
  reports of every level, with their sites' menus, breadcrumbs and metadata — the partial entries.
- **Searched without result:** repositories named gov, zfxxgk, xxgk, zwgk, gongkai, zhengfu,
  zhengwu, nianbao, 年报, gov-spider, policy crawlers (code only, no pages), GovInfoCheckSystem,
  zwgk_crawl_xml, the 北京海淀 spider (2019-format pages), and exact-string searches for the
  format's labels (they find parsers and made-up samples, not reports).

## Left out

- Pages converted to traditional characters or garbled by a mirror site (蜀山区教体局 on a wiki,
  阜阳 发改局, 西藏自治区人民政府, 兰州新区经合局), and one page of a PDF flipbook (文登区): not what a
  government website serves.
- Reports in the 2019 trial layout (西咸新区底张街道 2023 is in `../fixtures/` for the S-old-format
  rule), reports before 2021, and pages made mostly of 「|」 runs.

## How faithful the inputs are

Each key's `source` says how its input came. Stored pages and files read through the search tool
were copied piece by piece (16,000 characters a read): lengths were checked against the stored
totals, but a no-break space may have become a space. For six 莆田 pages the site's head and
navigation were copied from the same department's page of another year (the keys say which);
the reports' own text and tables are as stored.
"""


def main():
    rows = {"full": [], "partial": []}
    for folder in rows:
        for path in sorted(glob.glob(os.path.join(CORPUS, folder, "*.key.json"))):
            slug = os.path.basename(path)[: -len(".key.json")]
            key = json.load(open(path, encoding="utf-8"))
            entry = next(
                x for x in sorted(os.listdir(os.path.join(CORPUS, folder)))
                if x.startswith(slug + ".") and not x.endswith(".key.json")
            )
            source = key["source"]
            url = re.search(r"https?://[^\s，；;)）]+", source)
            repo = re.search(r"github:[\w.-]+/[\w.-]+", source)
            where = " ".join(
                part for part in (
                    url.group(0) if url else "",
                    f"({repo.group(0)})" if repo else ("(stored web page)" if "pages corpus" in source else ""),
                ) if part
            ) or "see the key's `source`"
            rows[folder].append((slug, entry, key.get("agency") or "—", key["agency_kind"],
                                 key.get("level") or "—", key["year"], key["input"], where))
    full, partial = len(rows["full"]), len(rows["partial"])

    def by_kind(folder):
        counts = Counter((r[3], r[4]) for r in rows[folder])
        return ", ".join(f"{k} / {l}: {n}" for (k, l), n in sorted(counts.items()))

    inputs = Counter(r[6] for folder in rows for r in rows[folder])
    out = [
        "# The corpus of real published reports",
        "",
        "Real 《政府信息公开工作年度报告》 of the 2021 national format, as users get them: saved pages, "
        "text copied from a page, text extracted from a PDF. Each input is kept as found, with a key "
        "written by hand (`KEYS.md` says how) and checked by the tables' own arithmetic (the 勾稽 "
        "rules). `tests/corpus.rs` runs them all in `cargo test -p nianbao-report` (so in `./x test`): "
        "every key cell imported right or noted, no page chrome in any section, the agency's kind "
        "right or flagged as unsure, no false T-numbers finding. `examples/corpus.rs` measures "
        "T-numbers against the keys (docs/t-numbers.md). This index is written by "
        "`python3 tools/corpus_index.py`.",
        "",
        f"**{full} full reports** (all three tables in the input) and **{partial} partial ones** (the "
        "first part of a page, about 750 characters: the stored web pages keep 2,000 bytes)."
        + (" Fewer than 30 full reports could be found: see *Where we looked*." if full < 30 else ""),
        "",
        f"- Full, by kind / level: {by_kind('full')}.",
        f"- Partial, by kind / level: {by_kind('partial')}.",
        "- Inputs: " + ", ".join(f"{k} {v}" for k, v in sorted(inputs.items()))
        + " (page: saved HTML; text: copied from a page; pdf_text: extracted from a PDF).",
        "",
    ]
    for folder, title in (("full", "Full reports"), ("partial", "Partial reports (the first part of a page)")):
        out += [f"## {title}", "", "| entry | agency | kind | level | year | input | where it comes from |",
                "|---|---|---|---|---|---|---|"]
        out += [f"| [{r[0]}]({folder}/{r[1]}) | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} |"
                for r in rows[folder]]
        out.append("")
    out.append(WHERE_WE_LOOKED)
    with open(os.path.join(CORPUS, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(f"{full} full, {partial} partial")


if __name__ == "__main__":
    main()
