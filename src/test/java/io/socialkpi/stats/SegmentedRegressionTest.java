package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The segmented regression against R 4.2 with sandwich 3.0-2 (Debian's r-base-core and
 * r-cran-sandwich). The data were made by the NumPy script in each test and are pasted here; the
 * reference is {@code f <- lm(y ~ X - 1); V <- NeweyWest(f, lag = L, prewhite = TRUE, adjust =
 * TRUE)}, t on {@code f$df.residual} df, intervals {@code b -+ qt(0.975, df) se kappa}, with L by
 * the documented rule from the residuals: {@code max(1, min(max(floor(4 (n/100)^(2/9)),
 * floor(1.1447 (a n)^(1/3))), n %/% 3))}, {@code a = 4 rho^2 / ((1 - rho)^2 (1 + rho)^2)}, rho =
 * lag-1 autocorrelation of the residuals capped at 0.97. The R script is
 * src/test/resources/reference/segmented_regression.R.
 */
class SegmentedRegressionTest {
  // rng = np.random.default_rng(7); AR(1) 0.5 noise sd 5; y = round(200 + 0.8 t + 12 [t>=36] + e,
  // 3)
  static final double[] WEEKLY = {
    200.006, 202.297, 200.978, 197.636, 198.545, 196.714, 201.458, 210.63, 206.454, 204.125,
    208.912, 211.04, 211.247, 206.571, 209.139, 214.446, 207.302, 208.563, 202.375, 202.74, 200.561,
    207.905, 206.815, 214.364, 217.966, 218.448, 207.44, 212.227, 217.471, 221.302, 215.4, 218.111,
    217.363, 218.237, 228.423, 224.574, 238.924, 245.084, 241.224, 242.054, 243.979, 245.108,
    239.629, 243.795, 252.692, 243.01, 250.602, 251.098, 247.942, 259.973, 260.198, 250.902,
    253.024, 256.995, 255.554, 259.591, 258.263, 261.668, 267.627, 260.435
  };

  // rng = np.random.default_rng(11); c = round(1000 + 2 t + N(0, 20), 2); AR(1) 0.3 noise sd 8;
  // y = round(50 + 0.1 t + 0.2 c + weekday effect + 15 [t>=70] - 5 [t>=100] + e, 3); y[20] = NaN
  static final double[] DAILY = {
    244.55,
    251.41,
    254.735,
    242.571,
    249.162,
    237.356,
    244.381,
    250.896,
    243.884,
    246.701,
    265.446,
    269.844,
    255.964,
    240.978,
    248.801,
    276.432,
    276.575,
    279.425,
    286.744,
    252.404,
    Double.NaN,
    259.047,
    271.438,
    269.911,
    261.762,
    267.67,
    239.838,
    242.017,
    250.636,
    266.436,
    269.485,
    272.285,
    276.694,
    262.81,
    261.828,
    268.232,
    270.175,
    275.455,
    267.542,
    273.961,
    262.017,
    264.329,
    266.218,
    273.711,
    269.557,
    265.835,
    268.29,
    258.367,
    264.749,
    267.142,
    273.666,
    274.059,
    290.087,
    286.733,
    262.27,
    257.673,
    267.259,
    294.269,
    267.841,
    285.991,
    289.678,
    263.43,
    266.587,
    289.208,
    292.447,
    287.905,
    298.16,
    292.997,
    279.837,
    270.558,
    309.442,
    299.918,
    309.822,
    305.346,
    303.51,
    299.727,
    298.269,
    318.794,
    308.263,
    314.53,
    302.962,
    314.932,
    291.191,
    278.302,
    308.201,
    294.663,
    303.379,
    292.946,
    299.548,
    293.083,
    308.956,
    317.575,
    315.754,
    329.265,
    323.191,
    305.15,
    296.705,
    305.26,
    311.277,
    318.307,
    317.129,
    310.663,
    304.801,
    295.329,
    295.686,
    303.51,
    320.799,
    339.154,
    318.653,
    320.758,
    319.67,
    314.127,
    335.363,
    319.915,
    326.122,
    333.696,
    341.121,
    317.366,
    308.154,
    328.343,
    331.765,
    319.585,
    335.485,
    319.572,
    314.837,
    315.371,
    313.686,
    337.111,
    332.184,
    321.937,
    324.899,
    306.983,
    301.146,
    313.817,
    331.332,
    339.459,
    340.051,
    338.938,
    327.185,
    316.601
  };
  static final double[] SEASONAL = {
    308.778, 308.254, 313.847, 320.098, 326.622, 326.097, 324.006, 322.797, 328.788, 334.85, 331.73,
    324.147, 321.696, 330.234, 327.162, 317.127, 318.49, 313.37, 312.003, 310.482, 307.375, 309.567,
    306.339, 301.322, 301.737, 302.08, 290.916, 290.704, 286.571, 287.155, 282.105, 284.698,
    285.074, 283.943, 280.517, 281.972, 280.211, 279.103, 285.84, 284.255, 293.983, 297.471,
    289.573, 297.19, 296.547, 302.722, 307.187, 302.835, 310.114, 314.919, 323.651, 320.442,
    328.615, 326.199, 329.829, 330.613, 341.277, 343.027, 351.985, 349.004, 349.003, 349.146,
    343.356, 342.913, 347.937, 342.278, 341.489, 339.295, 339.748, 334.708, 332.105, 331.117,
    328.575, 322.058, 324.855, 315.572, 310.663, 306.855, 312.902, 308.696, 303.394, 299.59,
    303.446, 298.422, 295.08, 301.034, 296.134, 297.851, 300.199, 299.998, 302.306, 309.824,
    306.619, 303.75, 301.832, 309.266, 313.438, 319.455, 320.889, 323.391, 325.42, 329.026, 335.137,
    337.305, 351.893, 362.616, 362.768, 356.006, 367.766, 367.968, 363.733, 370.066, 369.459,
    366.884, 365.762, 363.639, 366.511, 371.097, 366.521, 366.666, 371.377, 359.598, 359.356,
    355.492, 349.355, 345.411, 346.237, 346.734, 341.477, 340.186, 340.895, 338.139, 338.122,
    335.433, 333.582, 337.498, 333.751, 329.986, 330.724, 324.644, 324.898, 330.099, 332.316,
    337.861, 335.106, 329.466, 342.361, 345.753, 340.272, 349.683, 350.008, 344.733, 350.196,
    354.019, 365.905, 363.027
  };

  static final double[] CONTROL = {
    1000.68, 1029.19, 1028.49, 995.79, 1002.04, 999.45, 1023.39, 1012.88, 1030.94, 981.05, 1051.33,
    1020.07, 1037.61, 1023.27, 1020.42, 1039.26, 1048.49, 1029.95, 1032.94, 1051.71, 1022.59,
    1011.71, 1051.9, 1032.59, 1009.59, 1033.72, 1042.65, 1030.14, 1026.15, 1058.73, 1077.94,
    1057.34, 1049.13, 1073.7, 1082.34, 1064.0, 1082.89, 1094.86, 1071.86, 1061.73, 1086.95, 1086.95,
    1105.98, 1060.31, 1074.77, 1073.24, 1057.32, 1096.53, 1106.56, 1083.22, 1127.71, 1118.44,
    1116.55, 1114.03, 1127.11, 1083.36, 1124.28, 1126.06, 1080.65, 1124.94, 1114.99, 1137.63,
    1115.22, 1125.64, 1134.86, 1112.47, 1143.97, 1131.9, 1145.85, 1127.56, 1161.72, 1154.1, 1140.44,
    1158.64, 1173.2, 1185.82, 1120.53, 1171.66, 1165.3, 1156.12, 1139.87, 1187.14, 1138.77, 1177.34,
    1194.04, 1138.01, 1165.95, 1147.82, 1180.88, 1208.29, 1220.47, 1146.44, 1172.5, 1200.07,
    1219.59, 1198.42, 1177.08, 1199.94, 1195.67, 1193.93, 1185.31, 1209.75, 1210.16, 1204.14,
    1203.57, 1184.3, 1202.28, 1238.13, 1212.19, 1189.21, 1246.69, 1232.61, 1266.16, 1227.25,
    1218.77, 1201.05, 1258.48, 1285.39, 1219.58, 1225.06, 1251.92, 1225.39, 1238.59, 1239.0,
    1251.84, 1271.9, 1252.44, 1272.38, 1247.6, 1264.56, 1217.24, 1233.0, 1279.92, 1254.2, 1279.6,
    1280.85, 1298.45, 1290.24, 1296.34, 1275.77
  };

  static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  static List<AdjustedEffect> weekly(double[] y, int cut) {
    return SegmentedRegression.estimate(
        new SegmentedRegression.Input(y, null, null, new int[] {cut}, 0, y.length, 0, 0, 0.95));
  }

  @Test
  void stepWithTrendMatchesStatsmodelsHac() {
    // X = [1, t - 36, t >= 36]; r = fit(y, X, 3); r.params[2], r.bse[2], r.pvalues[2], r.conf_int()
    AdjustedEffect e = weekly(WEEKLY, 36).get(0);
    assertThat(e.hacLags()).isEqualTo(3);
    assertThat(e.df()).isEqualTo(57);
    assertThat(e.nPre()).isEqualTo(36);
    assertThat(e.nPost()).isEqualTo(24);
    close(e.estimate(), 20.30123624903453);
    close(e.stdError(), 2.5928052571919658);
    close(e.pValue(), 1.3181215129325234e-10);
    close(e.ciLow(), 13.260651177317847);
    close(e.ciHigh(), 27.34182132075123);
    assertThat(e.model()).isEqualTo("level+trend+step");
  }

  @Test
  void relativeEffectHasDeltaMethodInterval() {
    // Xp = X[36:] with the step column zeroed; lev = Xp.mean(0) @ b; rel = b[2] / |lev|;
    // g = -b[2] sign(lev) m / lev^2, g[2] += 1/|lev|; se = sqrt(g' V_hac g); rel -+ t(.975, 57) se
    AdjustedEffect e = weekly(WEEKLY, 36).get(0);
    close(e.relEffect(), 0.08791361334244284);
    close(e.relCiLow(), 0.055139428301019804);
    close(e.relCiHigh(), 0.12068779838386587);
  }

  @Test
  void placeboLaunchesInTheHistory() {
    // history = rows 0..35, length = max(4, 36 %/% 4) = 9, placebo cuts q = 8..27, each fitted on
    // y[1:(q+9)] with X = [1, t - 36, t >= q] and the same HAC; kappa = max(1, sqrt(mean(t_q^2 /
    // (df_q / (df_q - 2))))) = 1.3560441147922146; p = 2 pt(-|t| / kappa, 57)
    AdjustedEffect e = weekly(WEEKLY, 36).get(0);
    assertThat(e.placebos()).isEqualTo(20);
    close(e.placeboInflation(), 1.3560441147922146);
    close(e.placeboPValue(), 3.3626809937148194e-07);
    assertThat(e.decisiveP()).isEqualTo(e.placeboPValue());
  }

  @Test
  void twoTacticsAgainstAScaledControlWithWeekdaysRampUpAndAGap() {
    // Rows: y not NA, not in [70, 72) or [100, 102) (ramp-up 2); k = sum(y[pre]) / sum(c[pre])
    // over those rows before 70 = 0.24948612615896745; d = y - k c; X = [1, t - 70, weekday
    // dummies Tue..Sun, t >= 70, t >= 100]; fit on the kept rows: L = 4, df = 125.
    LocalDate start = LocalDate.of(2024, 1, 1);
    int[] dow =
        IntStream.range(0, DAILY.length)
            .map(i -> start.plusDays(i).getDayOfWeek().getValue())
            .toArray();
    List<AdjustedEffect> e =
        SegmentedRegression.estimate(
            new SegmentedRegression.Input(
                DAILY, CONTROL, dow, new int[] {70, 100}, 0, DAILY.length, 2, 0, 0.95));
    assertThat(e.get(0).df()).isEqualTo(125);
    assertThat(e.get(0).hacLags()).isEqualTo(4);
    assertThat(e.get(0).model()).isEqualTo("outcome-minus-control:level+trend+weekday+steps");
    close(e.get(0).estimate(), 13.504231764808553);
    close(e.get(0).stdError(), 3.7644300702718994);
    close(e.get(0).pValue(), 0.00047784719000493577);
    close(e.get(0).ciLow(), 1.4916641882662223);
    close(e.get(0).ciHigh(), 25.51679934135087);
    // Relative to the outcome the model predicts without the step: mean(X_post b) + mean(k c_post).
    close(e.get(0).relEffect(), 0.04616386355991425);
    close(e.get(1).estimate(), -1.024666127774609);
    close(e.get(1).stdError(), 4.037329813539402);
    close(e.get(1).pValue(), 0.8000686244525893);
    // 41 placebo launches in the 69 rows before 70 (minPre 12, length 17), same design and HAC.
    assertThat(e.get(0).placebos()).isEqualTo(41);
    close(e.get(0).placeboInflation(), 1.612365810465636);
    close(e.get(0).placeboPValue(), 0.02788304154571782);
    close(e.get(1).placeboPValue(), 0.8751779247182769);
    assertThat(e.get(1).nPost()).isEqualTo(38);
  }

  @Test
  void annualTermsWhenTheHistoryCoversAYear() {
    // rng = np.random.default_rng(5); AR(1) 0.4 noise sd 4; P = 365.25 / 7;
    // y = round(300 + 0.3 t + 25 sin(2 pi t / P + 0.5) + 10 [t >= 104] + e, 3), 156 weeks;
    // X = [1, t - 104, sin(2 pi t / P), cos(2 pi t / P), t >= 104]; L = 5, df = 151.
    List<AdjustedEffect> e =
        SegmentedRegression.estimate(
            new SegmentedRegression.Input(
                SEASONAL, null, null, new int[] {104}, 0, SEASONAL.length, 0, 365.25 / 7, 0.95));
    assertThat(e.get(0).model()).isEqualTo("level+trend+annual+step");
    assertThat(e.get(0).hacLags()).isEqualTo(5);
    close(e.get(0).estimate(), 11.892684223054836);
    close(e.get(0).stdError(), 1.7634916905729305);
    close(e.get(0).pValue(), 3.0751974951012546e-10);
    // 71 placebos, the annual terms only in fits spanning a year.
    assertThat(e.get(0).placebos()).isEqualTo(71);
    close(e.get(0).placeboInflation(), 1.125167760252374);
    close(e.get(0).placeboPValue(), 1.4481023470944254e-08);
    close(e.get(0).ciLow(), 7.972256587726089);
    close(e.get(0).ciHigh(), 15.813111858383845);
    // With less than a year of history the annual terms stay out.
    List<AdjustedEffect> short_ =
        SegmentedRegression.estimate(
            new SegmentedRegression.Input(
                SEASONAL, null, null, new int[] {104}, 60, SEASONAL.length, 0, 365.25 / 7, 0.95));
    assertThat(short_.get(0).model()).isEqualTo("level+trend+step");
  }

  @Test
  void aTrendAloneIsNoStep() {
    double[] y = IntStream.range(0, 104).mapToDouble(i -> 500 + 3.0 * i + (i % 3) - 1).toArray();
    AdjustedEffect e = weekly(y, 52).get(0);
    assertThat(e.estimate()).isCloseTo(0, within(1.0));
    assertThat(e.ciLow()).isNegative();
    assertThat(e.ciHigh()).isPositive();
  }

  @Test
  void tooLittleHistoryIsSaidNotGuessed() {
    double[] y = IntStream.range(0, 30).mapToDouble(i -> i % 4).toArray();
    AdjustedEffect e = weekly(y, 5).get(0);
    assertThat(e.estimate()).isNaN();
    assertThat(e.note())
        .isEqualTo(
            "too little history before the first launch to estimate the trend (5 windows,"
                + " need 8)");
  }

  @Test
  void tooFewPlaceboLaunchesLeaveThePlaceboPOpen() {
    double[] y =
        IntStream.range(0, 40).mapToDouble(i -> 10 + (i % 5) + (i >= 20 ? 8 : 0)).toArray();
    AdjustedEffect e = weekly(y, 20).get(0);
    assertThat(e.estimate()).isPositive();
    assertThat(e.placeboPValue()).isNaN();
    assertThat(e.decisiveP()).isNaN();
    assertThat(e.note()).startsWith("too little history before the first launch for placebo");
  }

  @Test
  void noWindowsAfterTheLaunch() {
    double[] y = IntStream.range(0, 40).mapToDouble(i -> i % 7).toArray();
    AdjustedEffect e = weekly(y, 45).get(0);
    assertThat(e.note()).isEqualTo("no windows after the launch");
  }

  @Test
  void differenceInDifferencesTestsThePreTrends() {
    // d = (y - c)[1:70] without the NA; X = [1, i]; L = 3 (n = 69); the same NeweyWest call, p of
    // the slope (the control grows by 2 a window, the outcome by 0.5: not parallel)
    double[] before = java.util.Arrays.copyOfRange(DAILY, 0, 70);
    double[] control = java.util.Arrays.copyOfRange(CONTROL, 0, 70);
    close(DiffInDiff.preTrend(before, control), 2.900461637250764e-23);
    DiffInDiffResult r =
        DiffInDiff.estimate(
            before,
            java.util.Arrays.copyOfRange(DAILY, 70, 140),
            control,
            java.util.Arrays.copyOfRange(CONTROL, 70, 140),
            0.95);
    close(r.preTrendP(), 2.900461637250764e-23);
    double[] parallel = new double[40];
    double[] base = new double[40];
    for (int i = 0; i < 40; i++) {
      base[i] = 100 + 2 * i + (i % 4);
      parallel[i] = base[i] + 30 + ((i * 7) % 5);
    }
    assertThat(DiffInDiff.preTrend(parallel, base)).isGreaterThan(0.05);
    assertThat(DiffInDiff.preTrend(new double[] {1, 2, 3}, new double[] {1, 1, 1})).isNaN();
  }
}
