#!/usr/bin/env python3
"""Writes N ward plans made from the two seed plans, for testing the report at a city's scale.

Each generated plan is a seed with another ward name (up to 552 distinct ones), some task blocks left out and its
satisfaction target changed, all chosen by a seeded random generator: the same N gives the
same files. With --provinces K the plans are spread over the first K of the 34 provinces (the
seed's province name replaced), ward names distinct within each province: a country's worth
(N = 3321, K = 34) for the split report.
Usage: generate_wards.py SEED_DIR OUT_DIR N [--provinces K]
"""
import pathlib
import random
import re
import sys

SYLLABLES = ["An", "Bình", "Cát", "Dương", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khánh", "Lâm",
             "Long", "Minh", "Nam", "Ngọc", "Phú", "Quang", "Sơn", "Tân", "Thành", "Thủy", "Trung", "Vĩnh"]

# Seed ward names as they are written (title case and upper case), and their provinces.
SEED_NAMES = {"nam-do-son": "Nam Đồ Sơn", "ngoc-ha": "Ngọc Hà"}
SEED_PROVINCES = {"nam-do-son": "Hải Phòng", "ngoc-ha": "Hà Nội"}
# The 34 provinces and centrally run cities since 1 July 2025.
PROVINCES = ["Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
             "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
             "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
             "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"]

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
    provinces = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--provinces" else 0
    out_dir.mkdir(parents=True, exist_ok=True)
    seeds = sorted(p for p in seed_dir.iterdir() if p.suffix in (".txt", ".md"))
    for i in range(1, count + 1):
        seed = seeds[i % len(seeds)]
        key = next(key for key in SEED_NAMES if seed.name.startswith(key))
        original = SEED_NAMES[key]
        rng = random.Random(1000 + i)
        text = seed.read_text(encoding="utf-8")
        if provinces:
            # Ward i is in province i mod K, named by its place among that province's wards.
            name = ward_name((i - 1) // provinces % len(NAMES) + 1)
            province = PROVINCES[(i - 1) % provinces]
            old = SEED_PROVINCES[key]
            text = text.replace(old, province).replace(old.upper(), province.upper())
        else:
            name = ward_name(i)
        text = text.replace(original, name).replace(original.upper(), name.upper())
        text = re.sub(r"(hài lòng[^\n]{0,200}?)(\d{2})%", lambda m: m.group(1) + str(rng.choice([85, 90, 92, 95, 97])) + "%", text, count=1)
        lines = drop_some_tasks(text.split("\n"), rng, rate=rng.choice([0.0, 0.1, 0.3, 0.6]))
        (out_dir / f"ward-{i:04d}{seed.suffix}" if count > 999 else out_dir / f"ward-{i:03d}{seed.suffix}").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
