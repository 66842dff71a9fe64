#!/usr/bin/env python3
"""Reference CLV pipeline with the Python `lifetimes` package, for comparison with RegularsStats' CLVBenchmark.

Usage: python3 scripts/bench_clv_lifetimes.py TRANSACTIONS.csv

TRANSACTIONS.csv has the header `customer_id,date,amount` (dates yyyy-MM-dd, amounts decimal), as written by
`CLVBenchmark` / `TransactionLog.writeCSV`. The script runs the same steps as the Swift benchmark:

1. summary_data_from_transaction_data(freq="D", freq_multiplier=7) (called summary_data_from_transaction_log in
   some versions): one transaction per customer and day, time in
   weeks (days / 7), observation end = last date in the log, monetary value = mean of repeat transactions;
2. BetaGeoFitter().fit(frequency, recency, T);
3. GammaGammaFitter().fit on customers with frequency > 0 and monetary_value > 0;
4. for every customer: expected purchases in 52 weeks, P(alive), and 12-month CLV
   (customer_lifetime_value(time=12, discount_rate=0.01, freq="W")).

It prints one JSON object: seconds per step and in total (excluding reading the CSV, reported separately), peak RSS
in MiB (resource.getrusage ru_maxrss of this process, which includes the interpreter and pandas), the fitted
parameters and the same aggregate checks as CLVBenchmarkResult.

Requires: pip install --user lifetimes   (pulls in pandas, scipy, autograd, dill)
"""

import json
import resource
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]

    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    try:  # lifetimes 0.11 names it ..._data; some versions and forks ..._log
        from lifetimes.utils import summary_data_from_transaction_data as summarise
    except ImportError:
        from lifetimes.utils import summary_data_from_transaction_log as summarise

    started = time.perf_counter()
    transactions = pd.read_csv(path, parse_dates=["date"])
    read_seconds = time.perf_counter() - started

    timings = {}
    t0 = time.perf_counter()
    summary = summarise(
        transactions, "customer_id", "date", monetary_value_col="amount", freq="D", freq_multiplier=7
    )
    timings["summary_seconds"] = time.perf_counter() - t0
    del transactions

    t0 = time.perf_counter()
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(summary["frequency"], summary["recency"], summary["T"])
    timings["bgnbd_fit_seconds"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    timings["gamma_gamma_fit_seconds"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    expected = bgf.conditional_expected_number_of_purchases_up_to_time(
        52, summary["frequency"], summary["recency"], summary["T"]
    )
    alive = bgf.conditional_probability_alive(summary["frequency"], summary["recency"], summary["T"])
    clv = ggf.customer_lifetime_value(
        bgf,
        summary["frequency"],
        summary["recency"],
        summary["T"],
        summary["monetary_value"],
        time=12,
        discount_rate=0.01,
        freq="W",
    )
    timings["prediction_seconds"] = time.perf_counter() - t0

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    result = {
        "customers": int(len(summary)),
        "repeat_customers": int((summary["frequency"] > 0).sum()),
        "read_csv_seconds": read_seconds,
        **timings,
        "pipeline_seconds": sum(timings.values()),
        "peak_rss_mib": peak_kib / 1024.0,
        "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
        "gamma_gamma": {"p": float(ggf.params_["p"]), "q": float(ggf.params_["q"]), "gamma": float(ggf.params_["v"])},
        "sum_expected_purchases_52w": float(expected.sum()),
        "mean_probability_alive": float(alive.mean()),
        "sum_clv_12m": float(clv.sum()),
    }
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
