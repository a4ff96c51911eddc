"""Write ``kg/data/first_names.tsv``: given names that are, with little doubt, a man's or a
woman's, from the name-gender data of the ``nomquamgender`` package (MIT licence, Ian Van
Buskirk 2022; its ``name_data.json`` maps a name to [sources, count, p(female), ...]).

Usage: ``python scripts/first_names.py PATH/TO/name_data.json [MIN_COUNT] [MAX_DOUBT]``.
Kept: plain ASCII names seen at least MIN_COUNT times (default 100) whose share of women is
at most MAX_DOUBT (default 0.1) away from 0 or 1.  Names used by both sexes across countries
("Jean", "Andrea", "Kim") are left out: the extractor then knows nothing of them, as before.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "first_names.tsv"

HEADER = """\
# Given names and the sex they almost always name ("f" or "m"), for "she"/"he" in kg.coref.
# Made by scripts/first_names.py from the name-gender data of the nomquamgender package
# (https://pypi.org/project/nomquamgender/, {count} or more occurrences, p(female) within
# {doubt} of 0 or 1). That data is distributed under this licence:
#
# Copyright (c) 2022 Ian Van Buskirk
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
"""


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 3:
        print(__doc__.strip().splitlines()[-4], file=sys.stderr)
        return 2
    count = int(argv[1]) if len(argv) > 1 else 100
    doubt = float(argv[2]) if len(argv) > 2 else 0.1
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    rows = sorted((name, "f" if row[2] >= 0.5 else "m") for name, row in data.items()
                  if re.fullmatch(r"[a-z]{2,}", name) and row[1] >= count
                  and min(row[2], 1 - row[2]) <= doubt)
    OUT.write_text(HEADER.format(count=count, doubt=doubt)
                   + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
