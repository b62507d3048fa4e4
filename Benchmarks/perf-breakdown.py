#!/usr/bin/env python3
"""Where a `jury` command's CPU time goes, by phase, from a `perf record -g`
profile. Standard library only.

    perf record -F 999 -g -o rank.data .build/release/jury rank BUNDLE --format json > /dev/null
    perf script -i rank.data -F comm,period,ip,sym | swift demangle --simplified > rank.txt
    python3 Benchmarks/perf-breakdown.py rank.txt [--top 15]

(Benchmarks/profile.sh does the three steps for rank and audit at a size.)

Each sample goes to the innermost frame of its stack that names a phase
(PHASES below, matched on the demangled symbol), so a sample in Krippendorff's
alpha inside the audit inside Analysis counts for Krippendorff's alpha only;
kernel frames (page faults, reads) count for the phase that caused them.
Samples with no phase frame are start-up, exit, and leaf calls into glibc
(malloc, free, strtod), whose stacks perf cannot walk without frame pointers.
The stacks come from frame pointers: a phase inlined into its caller is
counted there (RatingScores and StageSheets usually are: "analysis: other").
--top also lists the leaf functions with the most samples (self time).
"""
import argparse
import collections
import re

# (group, phase, pattern) — the innermost frame that matches wins; within one
# frame, the first pattern in this list.
PHASES = [
    ("read", "people.csv", r"\bPeopleFile\.(read|RowParser)"),
    ("read", "moocs.csv", r"\bMoocsFile\.(read|RowParser)"),
    ("read", "people.csv, moocs.csv: ranges joined", r"\bTableFileReader\.(join|absorb)"),
    ("read", "sheets.csv: parse, ids, checks", r"\bSheetsFile\.read"),
    ("read", "sheets.csv: build SheetTable (canonical order)", r"\bSheetTable\.Builder\.build"),
    ("read", "competition.json", r"\bCompetitionFile\b"),
    ("read", "votes.csv", r"\bVotesFile\.read"),
    ("read", "cross-file checks (units)", r"\bBundleReader\.checkUnits"),
    ("read", "other (files, Competition)", r"\bBundleReader\.read"),
    ("analysis", "stage view (rows by course and expert)", r"\bStageSheets\b|\bstageSheets\("),
    ("integrity", "conflict flags", r"\bStructuralConflicts\.flags"),
    ("analysis", "structural conflicts, recusals", r"\bStructuralConflicts\b"),
    ("analysis", "outlier ratings", r"\bOutlierRatings\b"),
    ("analysis", "rating scores", r"\bRatingScores\b"),
    ("analysis", "criterion means", r"\bCriterionMeans\b"),
    ("analysis", "ranking, tie-breaks", r"\bRanking\.(rank|breakTie)"),
    ("analysis", "other", r"\bAnalysis\.init"),
    ("audit", "complete-block search (ICC2/3, Kendall's W)", r"\bCompleteBlockSearch\b|\bBlockWalker\b"),
    ("audit", "Krippendorff's alpha", r"\bKrippendorffAlpha\b"),
    ("audit", "ICC / ANOVA", r"\bIntraclassCorrelation\b|\bOneWayANOVA\b|\bTwoWayANOVA\b"),
    ("audit", "Kendall's W", r"\bKendallW\b"),
    ("audit", "Cronbach's alpha", r"\bCronbachAlpha\b"),
    ("audit", "distributions (p-values, intervals)",
     r"\b(StudentTDistribution|FDistribution|ChiSquaredDistribution|NormalDistribution|IncompleteBeta|IncompleteGamma)\b"),
    ("audit", "consensus (leave-one-out)", r"\bConsensus\b"),
    ("audit", "rater effects", r"\bRaterEffects\b"),
    ("audit", "reliability: rating matrices, other", r"\bReliabilityReport\b|\bRatings\.init"),
    ("audit", "other", r"\bAuditReport\b"),
    ("audit", "integrity: favouritism tests, rings, conflict flags",
     r"\b(IntegrityAnalysis|FavouritismTests|FavouritismScan|ExpertExcesses|PermutationTest|FavourCycles|SelfVotes)\b"
     r"|\bStructuralConflicts\.flags\("),
    ("stages", "eligibility", r"\bEligibilityChecker\b"),
    ("stages", "voting", r"\b(Approval|Plurality|Borda|Schulze)\w*\b|\bVoting\b"),
    ("stages", "pipeline, other", r"\bStagePipeline\b"),
    ("output", "JSON / CSV / table text", r"\b(RankingOutput|AuditOutput|IntegrityOutput|StagesOutput|JSONWriter|CSVWriter|TextTable)\b"),
    ("output", "write to stdout", r"\bFileHandleOutput\b"),
    ("command", "other (freeing the competition, …)", r"\b\w+Command\.run\(\)"),
]
COMPILED = [(g, p, re.compile(rx)) for g, p, rx in PHASES]


def read_samples(path):
    """Stacks of `perf script -F comm,period,ip,sym`, leaf first."""
    samples, periods, cur = [], [], None
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if cur is not None:
                    samples.append(cur)
                cur = None
            elif not line[0].isspace():
                cur = []
                head = line.split()
                periods.append(int(head[-1]) if head[-1].isdigit() else 0)
            elif cur is not None:
                parts = line.split(None, 1)
                cur.append(re.sub(r"\+0x[0-9a-f]+$", "", parts[1].strip()) if len(parts) > 1 else "?")
    if cur:
        samples.append(cur)
    return samples, periods


def phase_of(stack, cache):
    for frame in stack:
        if frame not in cache:
            cache[frame] = next(((g, p) for g, p, rx in COMPILED if rx.search(frame)), None)
        if cache[frame]:
            return cache[frame]
    return ("unattributed", "libc malloc/free, strtod (no frame pointers), start-up, exit")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("script", help="demangled `perf script` output")
    ap.add_argument("--top", type=int, default=0, help="also list the N leaf functions with most samples")
    a = ap.parse_args()
    samples, periods = read_samples(a.script)
    n = len(samples)
    seconds = sum(periods) / 1e9        # cpu-clock periods are nanoseconds
    if not n:
        raise SystemExit("no samples in %s" % a.script)
    cache, by_phase, by_group, leaves = {}, collections.Counter(), collections.Counter(), collections.Counter()
    for s in samples:
        g, p = phase_of(s, cache)
        by_phase[(g, p)] += 1
        by_group[g] += 1
        if s:
            leaves[s[0]] += 1
    print("| phase | share of samples | ≈ CPU s |")
    print("|---|---:|---:|")
    for g, gc in by_group.most_common():
        print("| **%s** | **%.1f %%** | **%.2f** |" % (g, 100 * gc / n, seconds * gc / n))
        for (g2, p), c in by_phase.most_common():
            if g2 == g and 100 * c / n >= 0.5:
                print("| %s: %s | %.1f %% | %.2f |" % (g, p, 100 * c / n, seconds * c / n))
    print("\n%d samples, %.1f s of CPU (cpu-clock periods)" % (n, seconds))
    if a.top:
        print("\nleaf functions (self time):")
        for f, c in leaves.most_common(a.top):
            print("%5.1f %%  %s" % (100 * c / n, f[:150]))


if __name__ == "__main__":
    main()
