#!/usr/bin/env python3
"""Theme and gap quality, measured against labels a reviewer made without seeing the code.

Two subcommands, each over one labelled set (a folder of Tests/Quality/ naming its plans):

  pack SET OUT   writes the sheets a reviewer fills in: tasks to tag with every theme that fits
                 (recall), (task, theme) pairs the tool found (precision), and every gap item the
                 tool raises (gap precision). Sampling is deterministic (a fixed seed).
  score SET...   re-runs the tool on each set's plans, joins the committed labels with the output
                 of today, and prints theme precision, theme recall and gap precision per set.
                 --min P fails (exit 1) when a figure is below P per cent or a gap item is not
                 reviewed; --floor P fails only when a figure is below P per cent.

A label names its item by plan file, the task's opening words and theme or gap id, so labels stay valid while
the rules change: a labelled pair the tool no longer finds leaves the precision sample (it is
counted and shown), an unlabelled new item is shown as not yet reviewed.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import re
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUALITY = os.path.join(ROOT, "Tests", "Quality")
SEED = 20261201


def tool():
    return os.environ.get("WARDPLAN", os.path.join(ROOT, ".build", "debug", "wardplan"))


def set_plans(name):
    """The plan files of a set: one path a line in Tests/Quality/NAME/plans.txt, from the root."""
    with open(os.path.join(QUALITY, name, "plans.txt"), encoding="utf-8") as f:
        return [os.path.join(ROOT, line.strip()) for line in f if line.strip() and not line.startswith("#")]


def run_tool(plans, as_of):
    with tempfile.TemporaryDirectory() as tmp:
        plans_json = os.path.join(tmp, "plans.json")
        comparison_json = os.path.join(tmp, "comparison.json")
        # The plans' own warnings are not this script's subject: the figures are.
        quiet = {"check": False, "stderr": subprocess.DEVNULL}
        subprocess.run([tool(), "extract", *plans, "--output", plans_json, "--quiet"], **quiet)
        subprocess.run([tool(), "compare", *plans, "--json", comparison_json, "--as-of", as_of, "--quiet"], **quiet)
        with open(plans_json, encoding="utf-8") as f:
            extracted = json.load(f)
        with open(comparison_json, encoding="utf-8") as f:
            comparison = json.load(f)
    return extracted["plans"], comparison


def opening(text, words=14):
    """A task's identity within its plan: its first words, case and spacing folded. References are
    not used: plans restart them per group, and a parser change may read them otherwise."""
    folded = unicodedata.normalize("NFC", text).casefold()
    # A list number the plan writes inside the task's cell ("1. Xây dựng …") is not its words.
    folded = re.sub(r"^\s*(?:\d+(?:\.\d+)*|[ivxlc]+|[a-zđ])[.)]\s+", "", folded)
    # Nor the field name a plan writes before the statement ("Nhiệm vụ: Tuyên truyền …").
    folded = re.sub(r"^\s*nhiệm vụ\s*:\s*", "", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split()[:words])


def task_keys(plan):
    """(opening key, task) for every task; an opening used twice in a plan gets '#2', '#3' …"""
    seen = {}
    for task in plan["tasks"]:
        key = opening(task["text"])
        seen[key] = seen.get(key, 0) + 1
        yield (key if seen[key] == 1 else f"{key}#{seen[key]}"), task


def plan_name(plan):
    return os.path.basename(plan["source"]["path"])


def tool_pairs(plans):
    """{(plan, opening, theme): (task, theme match)} for every theme the tool gives a task."""
    pairs = {}
    for plan in plans:
        for ref, task in task_keys(plan):
            for theme in task["themes"]:
                pairs[(plan_name(plan), ref, theme["id"])] = (task, theme)
    return pairs


def tool_gaps(comparison):
    """{(plan, kind, id): item} for every gap item of the comparison."""
    sources = {w["id"]: os.path.basename(w["source"]) for w in comparison["wards"]}
    items = {}
    for entry in comparison["gaps"]:
        for item in entry.get("items", []):
            items[(sources[entry["ward"]], item["kind"], item["id"])] = item
    return items


def read_labels(name, sheet):
    path = os.path.join(QUALITY, name, sheet)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if any(v.strip() for v in row.values() if v)]


def write_sheet(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def evidence_text(theme):
    return "; ".join(f"{e.get('matched') or e.get('phrase')} (dòng {e.get('line')})" for e in theme.get("evidence", []))


def pack(args):
    plans, comparison = run_tool(set_plans(args.set), args.as_of)
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(SEED)

    tasks = [(plan_name(p), ref, t) for p in plans for ref, t in task_keys(p)]
    recall = rng.sample(tasks, min(args.tasks, len(tasks)))
    # The sheets show the plan's own reference and the whole text; scoring keys on the opening.
    write_sheet(
        os.path.join(args.out, "recall.csv"),
        ["plan", "ref", "line", "text", "lead", "products", "themes"],
        [
            [n, t["ref"], t["line"], t["text"], t.get("leadText") or "", " | ".join(t.get("products", [])), ""]
            for n, ref, t in sorted(recall, key=lambda x: (x[0], x[2]["line"]))
        ],
    )

    pairs = sorted(tool_pairs(plans).items(), key=lambda kv: (kv[0][0], kv[1][0]["line"], kv[0][2]))
    sample = rng.sample(pairs, min(args.pairs, len(pairs)))
    write_sheet(
        os.path.join(args.out, "pairs.csv"),
        ["plan", "ref", "theme", "line", "text", "evidence", "label", "note"],
        [
            [k[0], t["ref"], k[2], t["line"], t["text"], evidence_text(m), "", ""]
            for k, (t, m) in sorted(sample, key=lambda kv: (kv[0][0], kv[1][0]["line"], kv[0][2]))
        ],
    )

    gaps = tool_gaps(comparison)
    write_sheet(
        os.path.join(args.out, "gaps.csv"),
        ["plan", "kind", "id", "level", "basis", "expectedBy", "places", "note", "label", "why"],
        [
            [
                k[0], k[1], k[2], item.get("level"), "|".join(item.get("basis", [])),
                "|".join(item.get("expectedBy", [])),
                "; ".join(f"{p.get('section') or ''} dòng {p.get('line')}" for p in item.get("places", [])),
                item.get("note") or "", "", "",
            ]
            for k, item in sorted(gaps.items())
        ],
    )
    print(f"{args.out}: {len(recall)} tasks for recall, {len(sample)} pairs, {len(gaps)} gap items")


def task_key(plans, plan, text):
    """The key of the task a label names: the first of the plan whose opening starts with the
    label's text (a label may quote only the task's first words)."""
    wanted = opening(text)
    for p in plans:
        if plan_name(p) != plan:
            continue
        for key, _ in task_keys(p):
            if (key.split("#")[0] + " ").startswith(wanted + " "):
                return key
    return None


def ratio(good, total):
    return (100.0 * good / total) if total else float("nan")


def yes(value):
    return value.strip().lower() in ("yes", "y", "real", "true", "1", "đúng")


def score_set(name, as_of):
    plans, comparison = run_tool(set_plans(name), as_of)
    pairs = tool_pairs(plans)
    result = {"set": name, "plans": len(plans)}

    labels = read_labels(name, "pairs.csv")
    present = [row for row in labels if (row["plan"], task_key(plans, row["plan"], row["text"]), row["theme"]) in pairs]
    result["pairs"] = len(present)
    result["pairs_gone"] = len(labels) - len(present)
    result["pairs_real"] = sum(yes(r["label"]) for r in present)
    result["theme_precision"] = ratio(result["pairs_real"], len(present))
    result["wrong_pairs"] = [f"{r['plan']} {r['ref']} {r['theme']}: {r['text']}" for r in present if not yes(r["label"])]

    found, expected = 0, 0
    recall_rows = read_labels(name, "recall.csv")
    for row in recall_rows:
        truth = {t.strip() for t in row["themes"].split(";") if t.strip()}
        expected += len(truth)
        key = task_key(plans, row["plan"], row["text"])
        hits = {theme for theme in truth if (row["plan"], key, theme) in pairs}
        found += len(hits)
        for theme in sorted(truth - hits):
            result.setdefault("recall_misses", []).append(f"{row['plan']} {row['ref']} {theme}: {row['text']}")
        if key is None:
            result.setdefault("recall_missing_tasks", []).append(f"{row['plan']} {row['ref']}")
    result["recall_tasks"] = len(recall_rows)
    result["recall_themes"] = expected
    result["recall_found"] = found
    result["theme_recall"] = ratio(found, expected)

    gaps = tool_gaps(comparison)
    # A label judges an item at the level it was raised: the same theme raised at another level
    # (absent, later stated) is another claim and needs its own review.
    gap_labels = {(r["plan"], r["kind"], r["id"], r["level"]): r for r in read_labels(name, "gaps.csv")}
    national_absent = [k for k, i in gaps.items() if i.get("level") == "absent" and "national" in i.get("basis", [])]
    labelled = [k for k in national_absent if k + ("absent",) in gap_labels]
    result["gaps"] = len(national_absent)
    result["gaps_unlabelled"] = sorted(set(national_absent) - set(labelled))
    result["gaps_labelled"] = len(labelled)
    result["gaps_real"] = sum(yes(gap_labels[k + ("absent",)]["label"]) for k in labelled)
    result["gap_precision"] = ratio(result["gaps_real"], len(labelled))
    result["gaps_all"] = len(gaps)
    # `review` items (near words, or stated under a reading doubt: never in a letter) judged by
    # their own label, or by the `stated`/`absent` label they had before: a real gap sent to review
    # is a cost, a wrong one a gain.
    review = [k for k, i in gaps.items() if i.get("level") == "review"]
    # A `stated` item sent to review because the tasks look unread is judged by its `stated` label.
    judged = [
        gap_labels.get(k + ("review",), gap_labels.get(k + ("stated",), gap_labels.get(k + ("absent",))))
        for k in review
    ]
    judged = [label for label in judged if label is not None]
    result["review"] = len(review)
    result["review_real"] = sum(yes(r["label"]) for r in judged)
    result["review_not_real"] = len(judged) - result["review_real"]
    result["review_items"] = sorted(review)
    # `stated` national items go into a letter too ("có nêu nhưng chưa cụ thể hóa thành nhiệm vụ"):
    # judged by their own label; an unlabelled one is shown, not guessed.
    stated = [k for k, i in gaps.items() if i.get("level") == "stated" and "national" in i.get("basis", [])]
    judged = [gap_labels[k + ("stated",)] for k in stated if k + ("stated",) in gap_labels]
    result["stated"] = len(stated)
    result["stated_real"] = sum(yes(r["label"]) for r in judged)
    result["stated_not_real"] = len(judged) - result["stated_real"]
    return result


def print_pooled(results):
    """The issue asks for the figures on the seeds and on the other plans apart: every other set
    pooled (each pair, theme and item counted once, not an average of the sets' percentages)."""
    if len(results) < 2:
        return
    total = lambda key: sum(r[key] for r in results)
    print(
        f"| all sets but seeds, pooled | {total('plans')}"
        f" | {ratio(total('pairs_real'), total('pairs')):.1f} % of {total('pairs')} pairs"
        f" | {ratio(total('recall_found'), total('recall_themes')):.1f} % of {total('recall_themes')} themes"
        f" in {total('recall_tasks')} tasks"
        f" | {ratio(total('gaps_real'), total('gaps_labelled')):.1f} % of {total('gaps_labelled')} items |"
    )


def score(args):
    results = [score_set(name, args.as_of) for name in args.sets]
    print("| set | plans | theme precision | theme recall | gap precision (absent, national) |")
    print("|---|---|---|---|---|")
    for r in results:
        for task in r.get("recall_missing_tasks", []):
            print(f"{r['set']}: labelled task not found by the parser: {task}", file=sys.stderr)
        print(
            f"| {r['set']} | {r['plans']} | {r['theme_precision']:.1f} % of {r['pairs']} pairs"
            f" | {r['theme_recall']:.1f} % of {r['recall_themes']} themes in {r['recall_tasks']} tasks"
            f" | {r['gap_precision']:.1f} % of {r['gaps'] - len(r['gaps_unlabelled'])} items |"
        )
    print_pooled([r for r in results if r["set"] != "seeds"])
    for r in results:
        print(
            f"{r['set']}: {r['review']} item(s) to review (near words or tasks not all read; never in a letter): labelled"
            f" real {r['review_real']}, not real {r['review_not_real']}, unlabelled"
            f" {r['review'] - r['review_real'] - r['review_not_real']}"
        )
        print(
            f"{r['set']}: {r['stated']} stated item(s) (in a letter: stated, no task): labelled"
            f" real {r['stated_real']}, not real {r['stated_not_real']}, unlabelled"
            f" {r['stated'] - r['stated_real'] - r['stated_not_real']}"
        )
        if args.verbose:
            for key in r["review_items"]:
                print(f"  review: {' '.join(key)}")
            for miss in r.get("recall_misses", []):
                print(f"  missed: {miss}")
            for pair in r["wrong_pairs"]:
                print(f"  wrong pair: {pair}")
    failed = False
    for r in results:
        if r["pairs_gone"]:
            print(f"{r['set']}: {r['pairs_gone']} labelled pair(s) are no longer found (left out of precision)")
        for key in r["gaps_unlabelled"]:
            print(f"{r['set']}: gap item not reviewed yet: {' '.join(key)}", file=sys.stderr)
        # --min is the aim (every figure, every gap reviewed); --floor only guards against a collapse.
        bound = args.min if args.min is not None else args.floor
        if bound is not None:
            for figure in ("theme_precision", "theme_recall", "gap_precision"):
                value = r[figure]
                if not value >= bound:
                    print(f"{r['set']}: {figure} {value:.1f} % is below {bound} %", file=sys.stderr)
                    failed = True
        if args.min is not None and r["gaps_unlabelled"]:
            failed = True
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--as-of", default="2026-07-01")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack")
    p.add_argument("set")
    p.add_argument("out")
    p.add_argument("--tasks", type=int, default=30)
    p.add_argument("--pairs", type=int, default=60)
    s = sub.add_parser("score")
    s.add_argument("sets", nargs="+")
    s.add_argument("--verbose", action="store_true", help="list the items to review, the missed themes and the wrong pairs")
    s.add_argument("--min", type=float, help="fail under this per cent, or when a gap item is unreviewed")
    s.add_argument("--floor", type=float, help="fail under this per cent (unreviewed items are only listed)")
    args = parser.parse_args()
    if args.command == "pack":
        pack(args)
        return 0
    return score(args)


if __name__ == "__main__":
    sys.exit(main())
