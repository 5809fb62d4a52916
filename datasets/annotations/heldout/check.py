#!/usr/bin/env python3
"""Consistency checks for the held-out gold (run from any directory).

Re-segments the four transcripts from their text alone (headings + inferred
turns, as in ../README.md "How seq is counted") and compares the result with
turns-gold.tsv; checks stance-gold.tsv keys, labels and evidence; prints counts.
It does not use plenary's code.
"""
import collections
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["heldout-1.txt", "heldout-2.txt", "heldout-3.txt", "heldout-4.txt"]
HEADER = ("Session ", "(OEWG 2021-25)", "This is an unofficial transcript")
FOOTER = ("Leave a Reply", "Your email address will not be published")
CHAIR = {"Ambassador Gafoor", "Chair"}
CODES = {
    "Jamaica": "JAM", "Mongolia": "MNG", "European Union": "EU", "Russian Federation": "RUS",
    "Russia": "RUS", "Botswana": "BWA", "Paraguay": "PRY", "China": "CHN", "Ireland": "IRL",
    "India": "IND", "Kenya": "KEN", "Iran (Islamic Republic of)": "IRN",
    "Islamic Republic of Iran": "IRN", "Iran": "IRN", "Tunisia": "TUN",
    "United States of America": "USA", "United States": "USA", "Nepal": "NPL",
    "Syrian Arab Republic": "SYR", "France": "FRA", "Japan": "JPN", "Ethiopia": "ETH",
    "Netherlands": "NLD", "Trinidad and Tobago": "TTO", "Croatia": "HRV", "South Africa": "ZAF",
    "Mauritius": "MUS", "Singapore": "SGP", "Democratic People\u2019s Republic of Korea": "PRK",
    "Chile": "CHL", "Mexico": "MEX", "Belarus": "BLR", "Republic of Korea": "KOR",
    "Armenia": "ARM", "Cuba": "CUB", "Finland": "FIN", "Egypt": "EGY", "Philippines": "PHL",
    "Malawi": "MWI", "Viet Nam": "VNM", "Lebanon": "LBN", "Zimbabwe": "ZWE", "UK": "GBR",
    "United Kingdom": "GBR", "Bahrain": "BHR", "Germany": "DEU", "Indonesia": "IDN",
    "Kazakhstan": "KAZ", "Venezuela (Bolivarian Republic of)": "VEN", "Venezuela": "VEN",
    "Canada": "CAN", "Ghana": "GHA", "Republic of Moldova": "MDA", "Moldova": "MDA",
    "Nicaragua": "NIC", "Brazil": "BRA", "Eritrea": "ERI", "Australia": "AUS",
}
errors = []


def err(msg):
    errors.append(msg)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head = rows[0]
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(head):
            err(f"{name}:{i}: {len(r)} fields, expected {len(head)}")
    return [dict(zip(head, r)) for r in rows[1:]]


def is_heading(line):
    return (len(line) <= 45 and not line.startswith("[")
            and line[-1] not in ".?!:,;" and not line.startswith("Thank you"))


def segment(path):
    raw = open(path, encoding="utf-8").read()
    if "\r" in raw or "\t" in raw:
        err(f"{path}: CR or TAB in transcript")
    lines = [l.replace("\u00a0", " ").strip() for l in raw.split("\n")]
    lines = [l for l in lines if l]
    if not (lines[0].startswith(HEADER[0]) and lines[1] == HEADER[1] and lines[2] == HEADER[2]):
        err(f"{path}: bad header")
    if not (lines[-2] == FOOTER[0] and lines[-1].startswith(FOOTER[1])):
        err(f"{path}: bad footer")
    body = lines[3:-2]
    turns = []  # dicts: code, inferred, paras
    prev = None  # 'chair' / 'deleg' role of the previous paragraph
    for line in body:
        if is_heading(line):
            code = "CHAIR" if line in CHAIR else CODES.get(line)
            if code is None:
                err(f"{path}: unknown heading {line!r}")
            turns.append(dict(code=code, inferred=False, paras=[], heading=True))
            prev = None
            continue
        if line.startswith("["):  # interpretation note, stays inside the turn
            turns[-1]["paras"].append(line)
            continue
        if prev == "chair":  # delegation speaks without a heading
            m = re.search(r"([A-Z][\w’ ]+?), please\.\s*$", turns[-1]["paras"][-1])
            name = m.group(1).strip() if m else None
            turns.append(dict(code=CODES.get(name), inferred=True, paras=[], heading=False))
        elif prev == "deleg" and line.startswith("Thank you") and ("floor" in line or "please" in line):
            turns.append(dict(code="CHAIR", inferred=True, paras=[], heading=False))
        turns[-1]["paras"].append(line)
        prev = "chair" if turns[-1]["code"] == "CHAIR" else "deleg"
    return turns


def main():
    tg = load("turns-gold.tsv")
    sg = load("stance-gold.tsv")
    texts, segs = {}, {}
    for fn in FILES:
        texts[fn] = open(os.path.join(HERE, fn), encoding="utf-8").read()
        segs[fn] = segment(os.path.join(HERE, fn))
    # turns
    gold_by_file = collections.defaultdict(list)
    for r in tg:
        gold_by_file[r["source_file"]].append(r)
    for fn in FILES:
        g, s = gold_by_file[fn], segs[fn]
        if len(g) != len(s):
            err(f"{fn}: gold has {len(g)} turns, text has {len(s)}")
        for i, (gr, st) in enumerate(zip(g, s), 1):
            if int(gr["seq"]) != i:
                err(f"{fn}: seq {gr['seq']} at position {i}")
            if gr["speaker_code"] != st["code"] or (gr["speaker_inferred"] == "true") != st["inferred"]:
                err(f"{fn} seq {i}: gold {gr['speaker_code']}/{gr['speaker_inferred']} vs text {st['code']}/{st['inferred']}")
            fw = " ".join(st["paras"][0].split()[:8])
            if gr["first_words"] != fw:
                err(f"{fn} seq {i}: first_words {gr['first_words']!r} vs {fw!r}")
            for col in ("speaker_inferred", "procedural"):
                if gr[col] not in ("true", "false"):
                    err(f"{fn} seq {i}: {col}={gr[col]!r}")
            st["text"] = " ".join(st["paras"])
    # stance
    keys = collections.Counter()
    for r in sg:
        fn, seq = r["source_file"], int(r["seq"])
        keys[(fn, seq, r["target"])] += 1
        turn = segs[fn][seq - 1] if seq - 1 < len(segs[fn]) else None
        if turn is None or turn["code"] != r["speaker_code"] or turn["code"] == "CHAIR":
            err(f"stance {fn} {seq}: speaker mismatch or Chair turn")
            continue
        if r["target"] not in ("modalities", "poa"):
            err(f"stance {fn} {seq}: target {r['target']}")
        if r["label"] not in ("support", "oppose", "neutral", "none"):
            err(f"stance {fn} {seq}: label {r['label']}")
        if r["alt_label"] and (r["alt_label"] == r["label"] or r["alt_label"] not in ("support", "oppose", "neutral", "none")):
            err(f"stance {fn} {seq}: alt_label {r['alt_label']}")
        ev = r["evidence"]
        if (r["label"] == "none") != (ev == ""):
            err(f"stance {fn} {seq} {r['target']}: evidence must be empty exactly for none")
        if ev:
            if ev not in turn["text"]:
                err(f"stance {fn} {seq} {r['target']}: evidence not verbatim in its turn: {ev[:60]!r}")
            if texts[fn].count(ev) != 1:
                err(f"stance {fn} {seq} {r['target']}: evidence occurs {texts[fn].count(ev)} times in file")
            if not ev.endswith((".", "?", "!")) or not ev[0].isupper():
                err(f"stance {fn} {seq} {r['target']}: evidence is not a whole sentence")
    for fn in FILES:
        for i, t in enumerate(segs[fn], 1):
            if t["code"] != "CHAIR":
                for tgt in ("modalities", "poa"):
                    if keys[(fn, i, tgt)] != 1:
                        err(f"{fn} seq {i} {tgt}: {keys[(fn, i, tgt)]} stance rows")
    # counts
    ct = collections.Counter((r["target"], r["label"]) for r in sg)
    alts = collections.Counter(r["target"] for r in sg if r["alt_label"])
    print("turns:", len(tg), "chair:", sum(r["speaker_code"] == "CHAIR" for r in tg),
          "delegation:", sum(r["speaker_code"] != "CHAIR" for r in tg),
          "inferred:", sum(r["speaker_inferred"] == "true" for r in tg),
          "procedural:", sum(r["procedural"] == "true" for r in tg))
    for fn in FILES:
        print(f"  {fn}: {len(segs[fn])} turns")
    for tgt in ("modalities", "poa"):
        print(tgt, {l: ct[(tgt, l)] for l in ("support", "oppose", "neutral", "none")}, "alt:", alts[tgt])
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
