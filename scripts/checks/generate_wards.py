#!/usr/bin/env python3
"""Writes N ward plans made from example plans, for measuring and testing at a city's or the country's scale.

    generate_wards.py TEMPLATE_DIR [TEMPLATE_DIR …] OUT_DIR N [--seed S] [--seed-share F] [--docx K] [--provinces K]

TEMPLATE_DIRs hold example plans (.txt and .md; `Tests/Fixtures/seeds` and `Tests/Fixtures/layouts`):
each generated plan is one of them rewritten for a real unit of `units.csv` (the registry), in the
registry's order (so the first 126 are Hà Nội's): its ward name, kind (phường, xã, đặc khu) and
province replaced, lead offices written in another of their spellings from `offices.yaml` (now and
then an office the file does not know), some task blocks dropped and others reordered within their
group, and percentage targets changed. A `Tests/Fixtures/layouts` plan also knows its ward from
its `NAME.expected.json`; a seed's ward is in SEED_WARDS below.

Everything is drawn from a random generator seeded with S and the plan's number: the same arguments
give the same files, byte for byte. `--seed-share F` is the share of plans made from the two long
seeds (about 63 KB each; the layout plans are about 10 KB): 0.9 makes 3,321 plans about 200 MB.
`--skip NAME` leaves out the templates whose name starts with NAME. `--docx K` also copies K of the layouts' Word files with their ward renamed (the text of
`word/document.xml` only). Past 3,321 plans the registry's units come round again with a quarter
of the compass added to the name ("Phường Ba Đình Tây"), so every plan is another ward.
`--provinces K` spreads the plans over the first K provinces of the registry, plan i in province
i mod K (a country's worth: N = 3321, K = 34, for the split report).
"""
import argparse
import json
import pathlib
import random
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "Sources/WardPlanKit/Resources/Data"

# The seeds' own wards (the layouts' are in their expected.json).
SEED_WARDS = {
    "nam-do-son": ("Nam Đồ Sơn", "phường", "Hải Phòng"),
    "ngoc-ha": ("Ngọc Hà", "phường", "Hà Nội"),
}
KINDS = {"phuong": "phường", "xa": "xã", "dac-khu": "đặc khu"}
COMPASS = ["Tây", "Đông", "Nam", "Bắc"]
# Offices no ward's offices.yaml lists: a plan now and then gives a task to one of them.
UNKNOWN_OFFICES = ["Ban quản lý chợ", "Hội Nông dân", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ"]

# Where a task block starts, in the layouts the templates use.
TASK_START = re.compile(
    r"^(\d+\.\d+\.?\s"            # "3.12. …", "1.1 …"
    r"|\|\s*\d+(\.\d+)?\s*\|"     # "| 12 | …" (table rows)
    r"|\d+\.\s+(?=\S)(?!.*:$)"    # "7. …" (an item, not a heading ending in ":")
    r"|- (?=\S))"                 # "- …" (a bulleted task)
)
# Where a group of tasks ends: a heading or a group row.
GROUP_START = re.compile(r"^(#|\d+\.\s[^.]{0,70}$|[IVX]+\.\s|[A-Z]\.\s|\|\s*(\*\*)?[IVXA-D]+(\*\*)?\s*\||[IVX]+\s*[|\t]|[a-zđ]\)\s|\s*$)")


def units():
    rows = []
    for line in (DATA / "units.csv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("code,"):
            continue
        code, name, kind, _, province = line.split(",", 4)
        short = re.sub(r"^(Phường|Xã|Đặc khu) ", "", name)
        rows.append((short, KINDS[kind], province))
    return rows


def office_spellings():
    """Each office of offices.yaml with its other spellings: [[name, alias, …], …]."""
    text = (DATA / "offices.yaml").read_text(encoding="utf-8")
    groups, name = [], None
    for line in text.splitlines():
        m = re.match(r'\s*- name: "(.*)"', line)
        if m:
            name = m.group(1)
            continue
        m = re.match(r"\s*aliases: \[(.*)\]", line)
        if m and name:
            aliases = re.findall(r'"([^"]*)"', m.group(1))
            if aliases and len(name) > 8:
                groups.append([name] + aliases)
            name = None
    return groups


def template_ward(path: pathlib.Path):
    expected = path.parent / (path.name.split(".")[0] + ".expected.json")
    if expected.exists():
        e = json.loads(expected.read_text(encoding="utf-8"))
        return e["ward"], e["kind"], e["province"]
    for key, ward in SEED_WARDS.items():
        if path.name.startswith(key):
            return ward
    raise SystemExit(f"{path}: no ward known for this template (add it to SEED_WARDS)")


def cased(word: str):
    """A word as it is written at the start of a sentence, inside one, and in capitals."""
    return {word: None, word[0].upper() + word[1:]: None, word.upper(): None}.keys()


def rename(text, old, new):
    """Ward name, kind and province replaced in one pass, so a new name is never replaced again."""
    (old_name, old_kind, old_province), (name, kind, province) = old, new
    province_short = re.sub(r"^(Thành phố|Tỉnh) ", "", province)
    province_prefix = "thành phố" if province.startswith("Thành phố") else "tỉnh"
    table = {}
    for a, b in ((old_name, name), (old_name.upper(), name.upper())):
        table[a] = b
    for a, b in zip(cased(old_kind), cased(kind)):
        table[a] = b
    for prefix in ("thành phố", "tỉnh"):
        for written, new_prefix in zip(cased(prefix), cased(province_prefix)):
            table[f"{written} {old_province}"] = f"{new_prefix} {province_short}"
            table[f"{written} {old_province.upper()}"] = f"{new_prefix} {province_short.upper()}"
    table[old_province] = province_short
    table[old_province.upper()] = province_short.upper()
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, keys)) + r")(?!\w)")
    return pattern.sub(lambda m: table[m.group(1)], text)


def respell_offices(text, rng, spellings):
    for group in spellings:
        if rng.random() < 0.5:
            continue
        choice = rng.choice(group)
        pattern = re.compile("|".join(re.escape(s) for s in sorted(group, key=len, reverse=True)))
        text = pattern.sub(lambda _: choice, text)
    return text


def change_targets(text, rng):
    def change(m):
        if rng.random() < 0.4:
            value = min(100 if m.group(1) == "100" else 99, max(10, int(m.group(1)) + rng.choice([-10, -5, -2, 2, 5])))
            return f"{value}{m.group(2)}%"
        return m.group(0)

    return re.sub(r"(?<![\d,.])(\d{2,3})(\s?)%", change, text)


def shuffle_tasks(lines, rng, drop_rate, unknown_office):
    """Task blocks dropped at `drop_rate`, the rest of a group shuffled now and then."""
    out, group, block, in_task = [], [], [], False

    def flush_block():
        nonlocal block
        if block:
            group.append(block)
        block = []

    def flush_group():
        flush_block()
        kept = [b for b in group if rng.random() >= drop_rate] or group[:1]
        if len(kept) > 2 and rng.random() < 0.3:
            rng.shuffle(kept)
        if kept and unknown_office and rng.random() < 0.05:
            kept[0] = [re.sub(r"(Chủ trì:|chủ trì:|Giao )([^;,)|]+)", lambda m: m.group(1) + " " + unknown_office, kept[0][0], count=1)] + kept[0][1:]
        for b in kept:
            out.extend(b)
        group.clear()

    for line in lines:
        if TASK_START.match(line) and not GROUP_START.match(line):
            flush_block()
            in_task = True
            block.append(line)
        elif in_task and GROUP_START.match(line) and line.strip():
            flush_group()
            in_task = False
            out.append(line)
        elif in_task:
            block.append(line)
        else:
            out.append(line)
    flush_group()
    return out


def slug(text):
    table = str.maketrans("đĐ", "dD")
    import unicodedata

    plain = unicodedata.normalize("NFD", text.translate(table))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def plan_unit(i, registry, provinces=0):
    """Plan i's unit: the registry's units in order, or with `provinces` K, the (i // K)-th unit of
    the (i mod K)-th province; past the end of a list its units come round again with a compass word."""
    if provinces:
        by_province = {}
        for unit in registry:
            by_province.setdefault(unit[2], []).append(unit)
        registry = list(by_province.values())[i % provinces]
        i //= provinces
    short, kind, province = registry[i % len(registry)]
    lap = i // len(registry)
    if lap:
        short = f"{short} {COMPASS[(lap - 1) % 4]}" + (f" {lap}" if lap > 4 else "")
    return short, kind, province


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+", help="TEMPLATE_DIR … OUT_DIR")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seed-share", type=float, default=None,
                        help="share of plans made from the long seeds (default: as many as any other template)")
    parser.add_argument("--docx", type=int, default=0, help="how many Word plans to add (from the layouts)")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME",
                        help="leave out the templates whose file name starts with NAME (repeatable)")
    parser.add_argument("--provinces", type=int, default=0, metavar="K",
                        help="spread the plans over the registry's first K provinces (plan i in province i mod K)")
    args = parser.parse_args()
    *template_dirs, out_dir = [pathlib.Path(d) for d in args.dirs]
    if not template_dirs:
        parser.error("give at least one TEMPLATE_DIR and the OUT_DIR")
    out_dir.mkdir(parents=True, exist_ok=True)

    templates = sorted(p for d in template_dirs for p in d.iterdir()
                       if p.suffix in (".txt", ".md") and p.name != "README.md"
                       and not any(p.name.startswith(skip) for skip in args.skip))
    seeds = [t for t in templates if any(t.name.startswith(k) for k in SEED_WARDS)]
    others = [t for t in templates if t not in seeds]
    texts = {t: t.read_text(encoding="utf-8") for t in templates}
    wards = {t: template_ward(t) for t in templates}
    registry, spellings = units(), office_spellings()
    if args.provinces and not 0 < args.provinces <= len({u[2] for u in registry}):
        parser.error(f"--provinces: between 1 and {len({u[2] for u in registry})}")

    for i in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + i)
        if args.seed_share is None or not seeds or not others:
            template = rng.choice(templates)
        else:
            template = rng.choice(seeds if rng.random() < args.seed_share else others)
        unit = plan_unit(i, registry, args.provinces)
        text = rename(texts[template], wards[template], unit)
        text = respell_offices(text, rng, spellings)
        text = change_targets(text, rng)
        unknown = rng.choice(UNKNOWN_OFFICES) + " " + unit[1]
        lines = shuffle_tasks(text.split("\n"), rng, rng.choice([0.0, 0.1, 0.2, 0.4]), unknown)
        name = f"{i + 1:04d}-{slug(unit[1] + ' ' + unit[0])}"
        (out_dir / f"{name}{template.suffix}").write_text("\n".join(lines), encoding="utf-8")

    # A few Word plans: a layout's .docx with its ward renamed where the name is one run of text.
    docx = sorted(p for d in template_dirs for p in d.glob("*.docx"))
    for k in range(min(args.docx, args.count) if docx else 0):
        i = args.count + k
        source = docx[k % len(docx)]
        unit = plan_unit(i, registry, args.provinces)
        old = template_ward(source.with_suffix(".md"))
        target = out_dir / f"{i + 1:04d}-{slug(unit[1] + ' ' + unit[0])}.docx"
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = rename(data.decode("utf-8"), old, unit).encode("utf-8")
                info = zipfile.ZipInfo(item.filename, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zout.writestr(info, data)


if __name__ == "__main__":
    main()
