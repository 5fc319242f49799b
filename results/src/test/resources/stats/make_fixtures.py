#!/usr/bin/python3
"""Reference values for EvalUnit's statistics, from an implementation other than the one tested.

Run with Debian's python3 (apt-get install python3-scipy python3-statsmodels):

    /usr/bin/python3 core/src/test/resources/stats/make_fixtures.py

It rewrites adaptive.json, paired.json, clustered.json, plan.json and flaky.json next to itself. The tests read
those files; python never runs at test time. Each case gives its input as the Java side takes it
(per task: passed trials, trials, cluster) and the values scipy/statsmodels compute for it.
"""
import json
import math
import os

import numpy as np
import scipy
import scipy.stats
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20240101)
PROVENANCE = "scipy %s, statsmodels %s" % (scipy.__version__, statsmodels.__version__)


def clustered_mean(values, clusters):
    """Mean, CR1 clustered standard error, 95% interval and two-sided p of mean == 0 (t, G - 1 df)."""
    values = np.asarray(values, dtype=float)
    groups = np.unique(clusters, return_inverse=True)[1]
    if len(np.unique(groups)) < 2:
        return None
    if np.allclose(values, values[0]):
        return None  # no spread: statsmodels gives nan; the convention is tested apart
    fit = sm.OLS(values, np.ones(len(values))).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    low, high = fit.conf_int(alpha=0.05)[0]
    return {"mean": float(fit.params[0]), "standardError": float(fit.bse[0]), "low": float(low),
            "high": float(high), "pValue": float(fit.pvalues[0]), "df": float(fit.df_resid_inference)}


def paired_case(name, tasks):
    """tasks: [candidatePassed, candidateTrials, baselinePassed, baselineTrials, cluster]."""
    d = [c / ct - b / bt for c, ct, b, bt, _ in tasks]
    clusters = [t[4] for t in tasks]
    one_trial = all(t[1] == 1 and t[3] == 1 for t in tasks)
    case = {"name": name, "tasks": tasks, "difference": float(np.mean(d)),
            "test": "MCNEMAR_EXACT" if one_trial else "CLUSTERED_PAIRED_T"}
    ref = clustered_mean(d, clusters)
    if ref is not None:
        case.update(standardError=ref["standardError"], low=max(-1.0, ref["low"]), high=min(1.0, ref["high"]))
        case["pValue"] = ref["pValue"]
    if one_trial:
        both = sum(1 for c, _, b, _, _ in tasks if c == 1 and b == 1)
        worse = sum(1 for c, _, b, _, _ in tasks if c == 0 and b == 1)
        better = sum(1 for c, _, b, _, _ in tasks if c == 1 and b == 0)
        neither = sum(1 for c, _, b, _, _ in tasks if c == 0 and b == 0)
        # rows: baseline passed / failed; columns: candidate passed / failed
        case["pValue"] = float(mcnemar([[both, worse], [better, neither]], exact=True).pvalue)
    return case


def one_trial_tasks(both, worse, better, neither, cluster_size=1):
    rows = [[1, 1, 1, 1]] * both + [[0, 1, 1, 1]] * worse + [[1, 1, 0, 1]] * better + [[0, 1, 0, 1]] * neither
    return [row + ["c%d" % (i // cluster_size)] for i, row in enumerate(rows)]


def several_trial_tasks(n, trials, p_base, p_cand, cluster_size=1):
    tasks = []
    for i in range(n):
        difficulty = RNG.uniform(-0.3, 0.3)
        pb = min(1, max(0, p_base + difficulty))
        pc = min(1, max(0, p_cand + difficulty))
        tasks.append([int(RNG.binomial(trials, pc)), trials, int(RNG.binomial(trials, pb)), trials,
                      "c%d" % (i // cluster_size)])
    return tasks


def paired():
    return [
        paired_case("significant drop, one trial: 8 newly failing, 1 newly passing of 40",
                    one_trial_tasks(25, 8, 1, 6)),
        paired_case("small drop, one trial: 3 newly failing, 1 newly passing of 40", one_trial_tasks(30, 3, 1, 6)),
        paired_case("one trial, clusters of 4", one_trial_tasks(20, 9, 2, 9, cluster_size=4)),
        paired_case("rise, one trial", one_trial_tasks(10, 1, 7, 2)),
        paired_case("all pass in both", one_trial_tasks(10, 0, 0, 0)),
        paired_case("all fail in both", one_trial_tasks(0, 0, 0, 10)),
        paired_case("no discordant tasks", one_trial_tasks(6, 0, 0, 4)),
        paired_case("one task", one_trial_tasks(0, 1, 0, 0)),
        paired_case("every task fails now", one_trial_tasks(0, 12, 0, 0)),
        paired_case("five trials, 30 tasks, a drop", several_trial_tasks(30, 5, 0.7, 0.55)),
        paired_case("five trials, 30 tasks, no change", several_trial_tasks(30, 5, 0.6, 0.6)),
        paired_case("three trials, 24 tasks in clusters of 6", several_trial_tasks(24, 3, 0.7, 0.5, cluster_size=6)),
    ]


def clustered():
    cases = []
    for name, passed, cluster_size in [
            ("ten tasks, no clusters", [1, 1, 0, 1, 0, 1, 1, 1, 0, 1], 1),
            ("twelve tasks in clusters of 3", [1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1], 3),
            ("twenty tasks in clusters of 5", [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1], 5)]:
        clusters = ["c%d" % (i // cluster_size) for i in range(len(passed))]
        ref = clustered_mean(passed, clusters)
        cases.append({"name": name, "passed": passed, "clusters": clusters, "standardError": ref["standardError"],
                      "low": max(0.0, ref["low"]), "high": min(1.0, ref["high"])})
    return cases


def wilson(c, n):
    low, high = proportion_confint(c, n, alpha=0.05, method="wilson")
    return float(low), float(high)


def plan_case(name, tasks, alpha=0.05, power=0.8, drops=(0.05, 0.10, 0.20)):
    """tasks: [passedTrials, trials, cluster]; the plan's variance as docs/results-format.md defines it."""
    passed = sum(t[0] for t in tasks)
    trials = sum(t[1] for t in tasks)
    n = len(tasks)
    k = n / sum(1.0 / t[1] for t in tasks)
    low, high = wilson(passed, trials)
    planned = min(max(0.5, low), high)
    sd = math.sqrt(2 * planned * (1 - planned) / k)
    fractions = [t[0] / t[1] for t in tasks]
    clustered_ref = clustered_mean(fractions, [t[2] for t in tasks])
    ordinary_ref = clustered_mean(fractions, ["t%d" % i for i in range(n)])
    deff = 1.0
    if clustered_ref and ordinary_ref:
        deff = max(1.0, (clustered_ref["standardError"] / ordinary_ref["standardError"]) ** 2)
    solver = NormalIndPower()
    effect = solver.solve_power(effect_size=None, nobs1=n, alpha=alpha, power=power, ratio=0,
                                alternative="two-sided")
    case = {"name": name, "tasks": tasks, "alpha": alpha, "power": power, "designEffect": deff, "taskSd": sd,
            "minimumDetectableDrop": float(effect * sd * math.sqrt(deff)), "needed": {}}
    for drop in drops:
        nobs = solver.solve_power(effect_size=drop / (sd * math.sqrt(deff)), nobs1=None, alpha=alpha, power=power,
                                  ratio=0, alternative="two-sided")
        # trials per task that bring one task's sd down far enough at this n
        es_n = effect
        per_trial_sd = sd * math.sqrt(k)
        trials_needed = max(1, math.ceil((es_n * per_trial_sd / drop) ** 2 * deff - 1e-9))
        case["needed"]["%.2f" % drop] = {"tasks": int(math.ceil(float(nobs) - 1e-9)), "trials": int(trials_needed)}
    return case


def plan():
    return [
        plan_case("forty tasks, one trial, half pass", [[i % 2, 1, "t%d" % i] for i in range(40)]),
        plan_case("forty tasks, one trial, all pass", [[1, 1, "t%d" % i] for i in range(40)]),
        plan_case("one task", [[1, 1, "t0"]]),
        plan_case("two hundred tasks, one trial, 90% pass", [[1 if i % 10 else 0, 1, "t%d" % i] for i in range(200)]),
        plan_case("thirty tasks, five trials", [[int(RNG.binomial(5, 0.7)), 5, "t%d" % i] for i in range(30)]),
        plan_case("thirty tasks in clusters of 5, one trial",
                  [[1 if (i // 5) % 2 else 0, 1, "c%d" % (i // 5)] for i in range(30)], alpha=0.1, power=0.9),
    ]


def flaky():
    return [{"passed": c, "trials": n, "low": wilson(c, n)[0], "high": wilson(c, n)[1]}
            for c, n in [(1, 2), (2, 3), (1, 5), (4, 5), (9, 10), (1, 20)]]


def adaptive():
    """Two-sided exact binomial p-values of "the success rate is rate" (scipy.stats.binomtest)."""
    cases = []
    for passed, trials, rate in [(3, 3, 0.8), (2, 3, 0.8), (0, 3, 0.8), (1, 5, 0.8), (5, 10, 0.8), (10, 10, 0.8),
                                 (14, 14, 0.8), (6, 10, 0.5), (0, 6, 0.5), (9, 30, 0.6), (3, 3, 0.5)]:
        cases.append({"passed": passed, "trials": trials, "rate": rate,
                      "pValue": float(scipy.stats.binomtest(passed, trials, rate).pvalue)})
    return cases


# The adaptive pass policy is read in evalunit-core (task.PassPolicy); the rest in evalunit-results.
CORE = os.path.join(HERE, "..", "..", "..", "..", "..", "core", "src", "test", "resources", "stats")


def main():
    for name, cases in [("adaptive", adaptive()), ("paired", paired()), ("clustered", clustered()), ("plan", plan()), ("flaky", flaky())]:
        folder = CORE if name == "adaptive" else HERE
        with open(os.path.join(folder, name + ".json"), "w") as out:
            # one case a line: small diffs when a case is added
            out.write('{"madeWith": %s, "by": "make_fixtures.py", "cases": [\n' % json.dumps(PROVENANCE))
            out.write(",\n".join(json.dumps(case) for case in cases))
            out.write("\n]}\n")


if __name__ == "__main__":
    main()
