#!/usr/bin/env python3
"""Map Jury's JSON output to the peers' summary keys, so that
../shared/peers/compare.py can check Jury against pandas_pipeline.py and
sqlite_pipeline.sh on the same bundle. Standard library only.

    python3 Benchmarks/jury_peer_summary.py RANK.json [--audit AUDIT.json]
        [--trimmed RANK_TRIMMED.json] [--out SUMMARY.json]

RANK.json     `jury rank BUNDLE --format json` (method mean, the default)
AUDIT.json    `jury audit BUNDLE --format json`
RANK_TRIMMED  `jury rank BUNDLE --method trimmed --format json`

What is mapped (peer key <- Jury):
  counts.sheets        sheets ranked + sheets excluded (rank JSON)
  counts.moocs         courses ranked (every course with a counted sheet)
  counts.experts       raters of the audit (experts with a sheet at the stage)
  counts.duplicate_pairs, invalid_score_rows, total_mismatch
                       0: Jury refuses a bundle with duplicate sheets, scores
                       outside the scale or a wrong `total` (exit 1), so a
                       ranking exists only when these are 0
  ranking_top10        the first ten rows: rank, mooc_id, count <- sheets,
                       mean, median, min, max; trimmed_mean <- the `score` of
                       the same course under --method trimmed (same formula:
                       drop one highest and one lowest total when n >= 5)
  ties.courses_sharing_a_rank
                       courses - distinct ranks, over the whole ranking
  icc.one_way          n_groups, n_sheets, n0, icc1 <- ICC1, icc1_n0 <- ICC1k
                       of reliability.total (one-way ANOVA, unequal group
                       sizes, k = n0)
  icc.design           "complete" when Jury's complete block is the whole
                       design (every expert rated every course), else
                       "incomplete" (no block, or a block of part of it)
  icc.two_way          complete designs only: icc2_1 <- ICC2, icc2_k <- ICC2k
  severity.most_severe / most_lenient
                       Jury's rater severity mean(c - x), c the leave-one-out
                       mean of the other experts on the course: the peers'
                       definition; ordered as pandas orders them
Not mapped (different definitions; reported under jury_only, which
compare.py skips because the peers have no such key):
  outliers             Jury's robust z after one median-polish step with a
                       pooled/expert MAD scale, against the peers' per-course
                       MAD rule; counts are printed side by side, not compared
  mean_z               Jury's zscore method prints m + s * mean(z), not mean(z)
Checks on the way: a non-empty `excluded` list is reported (recusals change
the counted sheets, the peers recuse nothing).
"""
import argparse
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def value(form):
    return form["value"] if isinstance(form, dict) else None


def summary(rank, audit=None, trimmed=None):
    rows = rank["ranking"]
    excluded = rank.get("excluded", [])
    out = {"schema": "jury/peer-summary/v1", "engine": "jury",
           "counts": {"sheets": sum(r["sheets"] for r in rows) + len(excluded),
                      "moocs": len(rows),
                      "duplicate_pairs": 0, "invalid_score_rows": 0, "total_mismatch": 0}}
    trimmed_of = {r["mooc_id"]: r["score"] for r in trimmed["ranking"]} if trimmed else {}
    top = []
    for r in rows[:10]:
        row = {"rank": r["rank"], "mooc_id": r["mooc_id"], "count": r["sheets"], "mean": r["mean"],
               "median": r["median"], "min": r["min"], "max": r["max"]}
        if r["mooc_id"] in trimmed_of:
            row["trimmed_mean"] = trimmed_of[r["mooc_id"]]
        top.append(row)
    out["ranking_top10"] = top
    out["ties"] = {"courses_sharing_a_rank": len(rows) - len({r["rank"] for r in rows})}
    jury_only = {"excluded_sheets": len(excluded),
                 "excluded_reasons": sorted({x["reason"] for x in excluded}),
                 "tie_break_chain": rank.get("tie_break_chain"), "method": rank.get("method")}
    if audit:
        raters = audit.get("raters", [])
        out["counts"]["experts"] = len(raters)
        total = audit["reliability"]["total"]
        one_way = total.get("one_way") or {}
        out["icc"] = {"one_way": {"n_groups": one_way.get("moocs"), "n_sheets": one_way.get("sheets"),
                                  "n0": one_way.get("n0"), "icc1": value(total.get("ICC1")),
                                  "icc1_n0": value(total.get("ICC1k"))}}
        block = total.get("complete_block")
        whole = isinstance(block, dict) and bool(block.get("whole_design"))
        out["icc"]["design"] = "complete" if whole else "incomplete"
        if whole:
            out["icc"]["two_way"] = {"icc2_1": value(total.get("ICC2")), "icc2_k": value(total.get("ICC2k"))}
        sev = [{"expert_id": r["expert_id"], "severity": r["severity"], "sheets": r["sheets"]}
               for r in raters if r.get("severity") is not None]
        sev.sort(key=lambda r: r["expert_id"])
        sev.sort(key=lambda r: r["severity"], reverse=True)       # pandas: severity desc, expert_id asc
        out["severity"] = {"most_severe": sev[:5], "most_lenient": sev[-5:][::-1]}
        jury_only["outliers"] = {"flagged_sheets": len(audit.get("outliers", [])),
                                 "assessed_sheets": audit.get("outlier_rule", {}).get("assessed_sheets"),
                                 "rule": "robust z after one median-polish step, |z| > %s"
                                         % audit.get("outlier_rule", {}).get("threshold")}
    out["jury_only"] = jury_only
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rank")
    ap.add_argument("--audit")
    ap.add_argument("--trimmed")
    ap.add_argument("--out")
    a = ap.parse_args()
    s = summary(load(a.rank), load(a.audit) if a.audit else None, load(a.trimmed) if a.trimmed else None)
    if s["jury_only"]["excluded_sheets"]:
        print("jury_peer_summary: %d sheets excluded by Jury (%s); the peers count every sheet, so counts "
              "and scores may differ" % (s["jury_only"]["excluded_sheets"],
                                         ", ".join(s["jury_only"]["excluded_reasons"])), file=sys.stderr)
    text = json.dumps(s, ensure_ascii=False, indent=1)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
