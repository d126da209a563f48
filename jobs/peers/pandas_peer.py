#!/usr/bin/env python3
"""The benchmark's pandas + SciPy peer: socialkpi's analysis as an analyst would write it.

`jobs/bench` runs this script on the same files as the Spark pipeline and DuckDB, times it from
outside (wall clock, interpreter start and imports included) and compares the window values it
writes with the job's `window_metrics`. It is meant to be what a competent analyst writes in a
notebook with Debian's pandas and SciPy (`apt-get install python3-pandas python3-scipy`): plain
`read_csv`/`read_json`, vectorised parsing, one `groupby` per source, `scipy.stats` for the
tests. No chunking, no multiprocessing, no hand-written kernels, and no shortcuts the job does
not take either (rows are de-duplicated when the source asks for it, times are converted between
the configured zones even where they happen to be equal).

Usage:
    python3 jobs/peers/pandas_peer.py SPEC.json

SPEC.json (written by the benchmark, `PandasPeer.spec`, from the job's config, so both compute the
same windows; an analyst would type the same facts into the notebook's first cell):

    {"zone": "Europe/Helsinki", "window": "week",            # reporting zone, day|week|month
     "out": "/dir/for/results",
     "analysis": {"windows_before": 0, "windows_after": 0, "ramp_up_windows": 0, "staggered": true},
     "sources": [{"name": "orders", "format": "csv"|"json"|"parquet", "files": ["/abs/path.csv"],
                  "delimiter": ",", "decimal": ".", "thousands": null, "comment": null,
                  "time": {"column": "ordered_at", "format": "%Y-%m-%d %H:%M:%S",  # strptime
                           "date_only": false, "has_offset": false, "zone": "Europe/Helsinki"},
                  "entity": "region" | null, "dedupe": true, "columns": [...read columns...],
                  "metrics": [{"id": "orders.sales", "column": "amount" | null,
                               "aggregate": "sum|count|mean|min|max|last",
                               "where": {"channel": ["online"]}, "gap": "zero"|"missing"}]}],
     "objectives": [{"id": "...", "outcome": "orders.sales", "leads": ["page-insights.fans"],
                     "lags": [0, 1, 2], "tactics": [{"id": "...", "launched": "2025-02-03"}]}]}

What it computes, as the job does (docs/STATISTICS.md):
  1. Read each source (every column when it de-duplicates: identical rows count once), parse the
     time with the source's pattern: a date-only pattern is the calendar day as written; a time
     with an offset is converted to the reporting zone; one without is localised in the source's
     zone (an ambiguous hour as summer time, a missing one shifted forward) and converted.
  2. Windows: the local day truncated to the ISO week (Monday), the month or the day; per entity
     and window the metrics' sum, count, mean, min, max or last (latest row in time), each over
     the rows meeting its `where`. Written to windows.csv (metric, entity, window_start, value).
  3. Series per metric and entity over the source's windows, empty windows 0 for zero-gap metrics
     (counts, sums), keeping only windows the source's data covers entirely (the first and last
     are usually partial). A source without an entity column is one series shared by every entity.
  4. Per objective and entity of its outcome, the lagged correlations of each lead indicator with
     the outcome, lag k pairing lead[t] with outcome[t + k] (`outcome.corr(lead.shift(k))`):
     Pearson and Spearman with their p-values (scipy.stats), at least 3 pairs and no constant
     series. Written to correlations.csv.
  5. Per objective, entity and tactic, the windows before the launch window (from the previous
     tactic's launch when staggered) against the windows from it on: means, and Welch's t-test
     (scipy.stats.ttest_ind, equal_var=False) for the outcome and each lead. Written to
     before_after.csv.

Left out, as an analyst's notebook would leave them: quarantine reasons and line numbers, row
accounting, Kendall's tau, first differences, q-values, the control series and the segmented
regression. It prints one JSON line with its step times, row counts and peak memory (VmHWM).
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

PERIOD = {"week": "W", "month": "M"}
FREQ = {"day": "D", "week": "W-MON", "month": "MS"}


def read_source(src):
    """One source as a DataFrame with columns entity, window_start, ts and the metric values."""
    keep = None if src["dedupe"] else src["columns"]
    text = [src["time"]["column"]] + ([src["entity"]] if src["entity"] else [])
    text += [c for m in src["metrics"] for c in m["where"]]
    frames = []
    for path in src["files"]:
        if src["format"] == "csv":
            df = pd.read_csv(
                path,
                sep=src["delimiter"],
                usecols=keep,
                dtype={c: str for c in text},
                decimal=src["decimal"],
                thousands=src["thousands"],
                comment=src["comment"],
            )
        elif src["format"] == "json":
            df = pd.read_json(path, lines=True, dtype=False, convert_dates=False)
            df = df if keep is None else df[keep]
        else:
            df = pd.read_parquet(path, columns=keep)
        frames.append(df)
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if src["dedupe"]:
        df = df.drop_duplicates()
    return df


def parse_time(df, t, zone):
    """(instant to order rows by, local day in the reporting zone)."""
    raw = df[t["column"]]
    if t["date_only"]:
        day = pd.to_datetime(raw, format=t["format"], errors="coerce")
        return day, day
    if t["has_offset"]:
        ts = pd.to_datetime(raw, format=t["format"], utc=True, errors="coerce")
    else:
        naive = pd.to_datetime(raw, format=t["format"], errors="coerce")
        ts = naive.dt.tz_localize(t["zone"], ambiguous=True, nonexistent="shift_forward")
    local = ts.dt.tz_convert(zone).dt.tz_localize(None)
    return ts, local.dt.normalize()


def window_start(day, window):
    if window == "day":
        return day
    return day.dt.to_period(PERIOD[window]).dt.start_time


def windows_of(src, df, spec):
    """Per entity and window, one column per metric; plus the source's first and last local day."""
    ts, day = parse_time(df, src["time"], spec["zone"])
    keys = pd.DataFrame(
        {
            "entity": df[src["entity"]] if src["entity"] else "all",
            "window_start": window_start(day, spec["window"]),
            "ts": ts,
        }
    )
    aggs = {}
    for m in src["metrics"]:
        mask = None
        for col, values in m["where"].items():
            hit = df[col].isin(values)
            mask = hit if mask is None else mask & hit
        name = m["id"]
        if m["aggregate"] == "count":
            keys[name] = 1 if mask is None else mask.astype("int64")
            aggs[name] = (name, "sum")
        else:
            value = pd.to_numeric(df[m["column"]], errors="coerce")
            keys[name] = value if mask is None else value.where(mask)
            aggs[name] = (name, m["aggregate"])
    keys = keys[day.notna()]
    if any(m["aggregate"] == "last" for m in src["metrics"]):
        keys = keys.sort_values("ts", kind="stable")
    wide = keys.groupby(["entity", "window_start"]).agg(**aggs)
    return wide, day.min(), day.max()


def series_of(metric, wide, first_day, last_day, window):
    """Window x entity table of one metric over the complete windows of its source."""
    table = wide[metric["id"]].unstack("entity")
    start = window_start(pd.Series([first_day]), window)[0]
    table = table.reindex(pd.date_range(start, last_day, freq=FREQ[window]))
    if metric["gap"] == "zero":
        table = table.fillna(0.0)
    ends = {"day": table.index, "week": table.index + pd.Timedelta(days=6)}.get(window)
    if ends is None:
        ends = table.index + pd.offsets.MonthEnd(0)
    return table[(table.index >= first_day) & (ends <= last_day)]


def constant(v):
    return len(v) == 0 or np.ptp(v) <= 1e-12 * np.max(np.abs(v))


def correlate(x, y):
    """Pearson and Spearman of the complete pairs, or NaN with the reason."""
    ok = ~(np.isnan(x) | np.isnan(y))
    x, y = x[ok], y[ok]
    if len(x) < 3:
        return len(x), (np.nan, np.nan), (np.nan, np.nan), "fewer than 3 pairs"
    if constant(x) or constant(y):
        return len(x), (np.nan, np.nan), (np.nan, np.nan), "constant series"
    return len(x), stats.pearsonr(x, y), stats.spearmanr(x, y), ""


def peak_rss_kib():
    """This process's peak resident memory. VmHWM belongs to the process's own address space;
    ru_maxrss would also count its parent's (here the benchmark's JVM) at the fork before exec."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(spec_path):
    started = time.perf_counter()
    with open(spec_path) as f:
        spec = json.load(f)
    out = spec["out"]
    window = spec["window"]
    steps = {}

    # 1-2: read, parse, window.
    t0 = time.perf_counter()
    series, long_parts, rows = {}, [], 0
    shared = set()
    for src in spec["sources"]:
        df = read_source(src)
        rows += len(df)
        wide, first_day, last_day = windows_of(src, df, spec)
        del df
        long_parts.append(
            wide.reset_index().melt(["entity", "window_start"], var_name="metric")
        )
        for m in src["metrics"]:
            series[m["id"]] = series_of(m, wide, first_day, last_day, window)
            if not src["entity"]:
                shared.add(m["id"])
    windows = pd.concat(long_parts, ignore_index=True)
    windows["window_start"] = windows["window_start"].dt.date
    windows[["metric", "entity", "window_start", "value"]].to_csv(
        f"{out}/windows.csv", index=False, float_format="%.17g"
    )
    steps["read_window_s"] = time.perf_counter() - t0

    def column(metric, entity):
        table = series.get(metric)
        if table is None:
            return None
        if metric in shared:
            return table["all"]
        return table[entity] if entity in table.columns else None

    # 4: lagged correlations per objective and entity.
    t0 = time.perf_counter()
    corr_rows, panels = [], {}
    for obj in spec["objectives"]:
        metrics = [obj["outcome"]] + [m for m in obj["leads"] if m != obj["outcome"]]
        for entity in series[obj["outcome"]].columns:
            parts = {m: column(m, entity) for m in metrics}
            panel = pd.concat({m: s for m, s in parts.items() if s is not None}, axis=1)
            panels[(obj["id"], entity)] = panel
            y = panel[obj["outcome"]]
            for lead in obj["leads"]:
                if lead not in panel:
                    continue
                for lag in obj["lags"]:
                    n, (r, p), (rho, p_rho), note = correlate(
                        panel[lead].shift(lag).to_numpy(), y.to_numpy()
                    )
                    corr_rows.append(
                        (obj["id"], entity, lead, obj["outcome"], lag, n, r, p, rho, p_rho, note)
                    )
    pd.DataFrame(
        corr_rows,
        columns=[
            "objective_id", "entity", "lead_metric", "outcome_metric", "lag", "n",
            "pearson", "pearson_p", "spearman", "spearman_p", "note",
        ],
    ).to_csv(f"{out}/correlations.csv", index=False, float_format="%.17g")
    steps["correlations_s"] = time.perf_counter() - t0

    # 5: before/after each tactic's launch, Welch's t.
    t0 = time.perf_counter()
    a = spec["analysis"]
    effect_rows = []
    for obj in spec["objectives"]:
        tactics = sorted(obj["tactics"], key=lambda t: t["launched"])
        for (obj_id, entity), panel in panels.items():
            if obj_id != obj["id"]:
                continue
            starts = panel.index
            n = len(starts)
            previous = None
            for tactic in tactics:
                launch = window_start(pd.Series([pd.Timestamp(tactic["launched"])]), window)[0]
                cut = int(starts.searchsorted(launch))
                first = 0
                if a["staggered"] and previous is not None:
                    first = int(starts.searchsorted(previous))
                if a["windows_before"] > 0:
                    first = max(first, cut - a["windows_before"])
                after_from = min(n, cut + a["ramp_up_windows"])
                after_to = min(n, after_from + a["windows_after"]) if a["windows_after"] else n
                for metric in panel.columns:
                    before = panel[metric].iloc[min(first, cut):cut].dropna()
                    after = panel[metric].iloc[after_from:after_to].dropna()
                    t, p = (np.nan, np.nan)
                    if len(before) >= 2 and len(after) >= 2:
                        t, p = stats.ttest_ind(after, before, equal_var=False)
                    effect_rows.append(
                        (obj_id, entity, tactic["id"], metric, len(before), len(after),
                         before.mean(), after.mean(), t, p)
                    )
                previous = launch
    pd.DataFrame(
        effect_rows,
        columns=[
            "objective_id", "entity", "tactic_id", "metric", "n_before", "n_after",
            "mean_before", "mean_after", "t_stat", "p_value",
        ],
    ).to_csv(f"{out}/before_after.csv", index=False, float_format="%.17g")
    steps["before_after_s"] = time.perf_counter() - t0

    peak_kib = peak_rss_kib()
    print(
        json.dumps(
            {
                "rows": rows,
                "window_values": len(windows),
                "correlations": len(corr_rows),
                "before_after": len(effect_rows),
                **{k: round(v, 3) for k, v in steps.items()},
                "script_s": round(time.perf_counter() - started, 3),
                "peak_rss_kib": peak_kib,
                "python": sys.version.split()[0],
                "pandas": pd.__version__,
                "numpy": np.__version__,
                "scipy": __import__("scipy").__version__,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: pandas_peer.py SPEC.json")
    main(sys.argv[1])
