#!/usr/bin/env python3
"""A second opinion on zizhu's GB 11643 checks: python-stdnum's stdnum.cn.ric judges the same IDs.

Reads `kind<TAB>id<TAB>codes` lines (codes: zizhu's identity findings on the row, comma-separated, empty
when zizhu accepts the ID) and exits 1 when the two disagree outside the documented classes below.

Classes of difference (README, "What zizhu checks"):
  county  -- stdnum also checks the 6-digit county code against its table of GB/T 2260 codes and their years;
             zizhu checks only the province (first two digits): a county abolished or renamed since
             (章丘市 370181 -> 章丘区 370114) is still on real people's IDs, and a table of counties goes stale.
  future  -- zizhu also rejects a birth date after the term start (id-birthdate); stdnum accepts any real date.
The check character must agree exactly: no class of difference is allowed there.
"""
import sys

try:
    from stdnum.cn import ric
    from stdnum.exceptions import InvalidComponent, ValidationError
except ImportError:
    sys.exit("python-stdnum is missing: make deps-pip (or pip install python-stdnum)")

TERM_START = "20260901"


def stdnum_verdict(number):
    """'valid', or the step of stdnum's validate that failed."""
    try:
        ric.validate(number)
        return "valid"
    except InvalidComponent:
        try:
            ric.get_birth_date(number)
        except ValidationError:
            return "date"
        return "place"
    except ValidationError as error:
        return type(error).__name__
    except KeyError:
        # stdnum 2.x: a code its table knows only above county level (110199) raises KeyError, not
        # InvalidComponent. Either way the county is what it rejects.
        return "place"


def main(path):
    counts, classes, problems = {}, {}, []
    for line in open(path, encoding="utf-8"):
        kind, number, codes = line.rstrip("\n").split("\t")
        codes = set(filter(None, codes.split(",")))
        theirs = stdnum_verdict(number)
        ours_valid = not codes
        counts[kind] = counts.get(kind, 0) + 1
        compact = ric.compact(number)
        if len(compact) == 18 and compact[:17].isdigit():
            if ("id-checksum" in codes) != (compact[17] != ric.calc_check_digit(compact)):
                problems.append(f"{kind} {number}: check character verdicts differ (zizhu {sorted(codes)})")
                continue
        if ours_valid == (theirs == "valid"):
            continue
        if ours_valid and theirs == "place":
            difference = "county"
        elif codes == {"id-birthdate"} and theirs in ("valid", "place") and compact[6:14] > TERM_START:
            difference = "future"
        else:
            problems.append(f"{kind} {number}: zizhu {sorted(codes) or 'valid'}, stdnum {theirs}")
            continue
        classes[difference] = classes.get(difference, 0) + 1
    total = sum(counts.values())
    print(f"stdnum.cn.ric peer check: {total} IDs ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}); "
          f"documented differences: {classes or 'none'}; unexplained: {len(problems)}")
    for problem in problems[:40]:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
