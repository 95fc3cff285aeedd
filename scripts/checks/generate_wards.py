#!/usr/bin/env python3
"""Writes N ward plans made from the two seed plans, for testing the report at a city's scale.

Each generated plan is a seed with another ward name (up to 552 distinct ones), some task blocks left out and its
satisfaction target changed, all chosen by a seeded random generator: the same N gives the
same files. Usage: generate_wards.py SEED_DIR OUT_DIR N
"""
import pathlib
import random
import re
import sys

SYLLABLES = ["An", "Bình", "Cát", "Dương", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khánh", "Lâm",
             "Long", "Minh", "Nam", "Ngọc", "Phú", "Quang", "Sơn", "Tân", "Thành", "Thủy", "Trung", "Vĩnh"]

# Seed ward names as they are written (title case and upper case).
SEED_NAMES = {"nam-do-son": "Nam Đồ Sơn", "ngoc-ha": "Ngọc Hà"}

TASK_START = re.compile(r"^\d+\.\d+\.\s")      # "3.12. …" (text plans)
ROW_START = re.compile(r"^\|\s*\d+\s*\|")      # "| 12 | …" (appendix table rows)


# Distinct two-syllable names, in a fixed shuffled order.
NAMES = [f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b]
random.Random(7).shuffle(NAMES)


def ward_name(i: int) -> str:
    return NAMES[i - 1]


def drop_some_tasks(lines, rng, rate):
    out, dropping = [], False
    for line in lines:
        if TASK_START.match(line) or ROW_START.match(line):
            dropping = rng.random() < rate
        elif re.match(r"^\d+\.\s|^[IVX]+\.\s", line):
            dropping = False
        if not dropping:
            out.append(line)
    return out


def main():
    seed_dir, out_dir, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)
    seeds = sorted(p for p in seed_dir.iterdir() if p.suffix in (".txt", ".md"))
    for i in range(1, count + 1):
        seed = seeds[i % len(seeds)]
        original = next(name for key, name in SEED_NAMES.items() if seed.name.startswith(key))
        rng = random.Random(1000 + i)
        name = ward_name(i)
        text = seed.read_text(encoding="utf-8")
        text = text.replace(original, name).replace(original.upper(), name.upper())
        text = re.sub(r"(hài lòng[^\n]{0,200}?)(\d{2})%", lambda m: m.group(1) + str(rng.choice([85, 90, 92, 95, 97])) + "%", text, count=1)
        lines = drop_some_tasks(text.split("\n"), rng, rate=rng.choice([0.0, 0.1, 0.3, 0.6]))
        (out_dir / f"ward-{i:03d}{seed.suffix}").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
