#!/usr/bin/env python3
"""Prints the taxonomy's phrases as plain strings, one a line, for `grep -F -f` (the benchmark's reference).

Choices `{a|b}` are spelt out (an optional group both with and without it), and a phrase with gaps
`…` gives each of its parts: the strings a plain-text search would look for. Usage: phrases.py [TAXONOMY]
"""
import itertools
import pathlib
import re
import sys

import yaml

DEFAULT = pathlib.Path(__file__).resolve().parents[2] / "Sources/WardPlanKit/Resources/Data/taxonomy.yaml"


def spellings(part):
    pieces = []
    for literal, group in re.findall(r"([^{}]+)|\{([^}]*)\}", part):
        if literal:
            pieces.append([literal.strip()])
        else:
            choices = [c.strip() for c in group.split("|")]
            pieces.append(choices + ([""] if len(choices) == 1 else []))
    for combo in itertools.product(*pieces):
        text = " ".join(w for w in combo if w)
        if text:
            yield text


def main():
    taxonomy = yaml.safe_load(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT).read_text(encoding="utf-8"))
    out = set()
    for theme in taxonomy["themes"]:
        for phrase in theme.get("phrases", []):
            text = phrase["phrase"] if isinstance(phrase, dict) else phrase
            for part in re.split(r"…|\.\.\.", text):
                if part.strip():
                    out.update(spellings(part))
    print("\n".join(sorted(out)))


if __name__ == "__main__":
    main()
