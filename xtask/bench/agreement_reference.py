"""Times the Python reference libraries on the splitmix64-audit-v1 timing data sets.

Run by `cargo xtask bench agreement` inside a throwaway virtualenv. Prints one JSON object:
the median wall time in nanoseconds of each call, and the value it returned.
"""

import json
import statistics
import sys
import time

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def generate(seed, n_units, true_permille, stay, harsher):
    """The generator of shared/data/agreement/README.md section 4 (no missing ratings)."""
    random = splitmix64(seed)
    cumulative = np.cumsum(true_permille)
    k = len(true_permille)
    ratings = np.empty((len(stay), n_units), dtype=np.int64)
    for unit in range(n_units):
        truth = int(np.searchsorted(cumulative, next(random) % 1000, side="right"))
        for rater in range(len(stay)):
            next(random)  # the missing draw, always made
            d = next(random) % 1000
            if d < stay[rater]:
                ratings[rater, unit] = truth
            elif d < stay[rater] + harsher[rater]:
                ratings[rater, unit] = min(truth + 1, k - 1)
            else:
                ratings[rater, unit] = max(truth - 1, 0)
    return ratings


def median_ns(call, repeats=5):
    value = call()  # warm-up, untimed
    times = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        call()
        times.append(time.perf_counter_ns() - start)
    return statistics.median(times), float(value)


def main():
    two = generate(20240605, 1_000_000, [120, 550, 250, 80], [750, 700], [150, 200])
    five = generate(20240604, 100_000, [120, 550, 250, 80], [800, 750, 750, 700, 800], [100, 150, 100, 200, 100])
    labels = [0, 1, 2, 3]
    results = {}
    results["two_raters_1m/sklearn_cohen_kappa"] = median_ns(lambda: cohen_kappa_score(two[0], two[1], labels=labels))
    results["two_raters_1m/krippendorff_ordinal"] = median_ns(
        lambda: krippendorff.alpha(reliability_data=two, level_of_measurement="ordinal", value_domain=labels)
    )
    results["five_raters_100k/krippendorff_ordinal"] = median_ns(
        lambda: krippendorff.alpha(reliability_data=five, level_of_measurement="ordinal", value_domain=labels)
    )
    json.dump({name: {"median_ns": ns, "value": value} for name, (ns, value) in results.items()}, sys.stdout)


if __name__ == "__main__":
    main()
