package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.socialkpi.PublicData;
import org.junit.jupiter.api.Test;

/**
 * Correlations against published figures and SciPy 1.17.1. Expected values were computed with:
 *
 * <pre>
 * stats.pearsonr(x, y); stats.spearmanr(x, y); stats.kendalltau(x, y, method='asymptotic')
 * stats.pearsonr(x, y).confidence_interval(0.95)
 * # Spearman CI (Bonett-Wright): tanh(atanh(rho) +- norm.ppf(0.975) * sqrt((1 + rho**2/2)/(n-3)))
 * # Kendall CI (Fieller): tanh(atanh(tau) +- norm.ppf(0.975) * sqrt(0.437/(n-4)))
 * </pre>
 *
 * on the columns read as in {@link PublicData}, pairs with a missing value dropped.
 */
class CorrelationTest {
  static final double REL = 1e-9;

  static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL + 1e-300));
  }

  // The SciPy comparisons check the textbook tests (independent pairs, asymptotic p), which SciPy
  // and R report; the autocorrelation adjustment and the exact p are tested on their own below.
  static CorrelationResult textbookPearson(double[] x, double[] y, double confidence) {
    return Correlation.pearson(x, y, confidence, Correlation.Inference.TEXTBOOK);
  }

  static CorrelationResult textbookSpearman(double[] x, double[] y, double confidence) {
    return Correlation.spearman(x, y, confidence, Correlation.Inference.TEXTBOOK);
  }

  static CorrelationResult textbookKendall(double[] x, double[] y, double confidence) {
    return Correlation.kendall(x, y, confidence, Correlation.Inference.TEXTBOOK);
  }

  @Test
  void islrTable35() {
    // ISLR Table 3.5: TV-sales 0.7822, radio-sales 0.5762, newspaper-sales 0.2283.
    double[] sales = PublicData.column("Advertising.csv", "Sales");
    assertThat(
            Correlation.pearson(PublicData.column("Advertising.csv", "TV"), sales, 0.95)
                .coefficient())
        .isCloseTo(0.7822, within(5e-5));
    assertThat(
            Correlation.pearson(PublicData.column("Advertising.csv", "Radio"), sales, 0.95)
                .coefficient())
        .isCloseTo(0.5762, within(5e-5));
    CorrelationResult news =
        Correlation.pearson(PublicData.column("Advertising.csv", "Newspaper"), sales, 0.95);
    assertThat(news.coefficient()).isCloseTo(0.2283, within(5e-5));
    // ISLR Table 3.3: the newspaper slope's p = 0.00115, the same test as the correlation's.
    assertThat(news.pValue()).isCloseTo(0.00115, withPercentage(0.5));
  }

  @Test
  void tvSlopeTStatisticIs1767() {
    // ISLR Table 3.2 / R lm(): t = 17.67 (two decimals) on 198 df for the TV slope, the same test
    // as the correlation's. The job's p-value must lie between the p-values of t = 17.675 and
    // 17.665, by scipy 1.10.1 (Debian bookworm): 2 * stats.t.sf(17.675, 198) and
    // 2 * stats.t.sf(17.665, 198).
    CorrelationResult r =
        textbookPearson(
            PublicData.column("Advertising.csv", "TV"),
            PublicData.column("Advertising.csv", "Sales"),
            0.95);
    assertThat(r.pValue()).isBetween(1.3948126124248587e-42, 1.4941336791009747e-42);
  }

  @Test
  void scaledCopyHasTheSameCorrelations() {
    // datarium marketing = 1.2 x Advertising.
    double a =
        Correlation.pearson(
                PublicData.column("datarium/marketing.csv", "youtube"),
                PublicData.column("datarium/marketing.csv", "sales"),
                0.95)
            .coefficient();
    double b =
        Correlation.pearson(
                PublicData.column("Advertising.csv", "TV"),
                PublicData.column("Advertising.csv", "Sales"),
                0.95)
            .coefficient();
    assertThat(a).isCloseTo(b, within(1e-12));
  }

  @Test
  void advertisingAgainstScipy() {
    double[] tv = PublicData.column("Advertising.csv", "TV");
    double[] news = PublicData.column("Advertising.csv", "Newspaper");
    double[] sales = PublicData.column("Advertising.csv", "Sales");
    CorrelationResult p = textbookPearson(tv, sales, 0.95);
    close(p.coefficient(), 0.7822244248616067);
    close(p.pValue(), 1.467389700194602e-42);
    close(p.ciLow(), 0.7218200985759199);
    close(p.ciHigh(), 0.830801381831693);
    CorrelationResult p90 = textbookPearson(news, sales, 0.90);
    close(p90.ciLow(), 0.11469629677697639);
    close(p90.ciHigh(), 0.3360076216675347);
    CorrelationResult s = textbookSpearman(news, sales, 0.95);
    close(s.coefficient(), 0.19492188424873094);
    close(s.pValue(), 0.0056763514217893435);
    close(s.ciLow(), 0.05642657324726768);
    close(s.ciHigh(), 0.3260573562558336);
    CorrelationResult k = textbookKendall(news, sales, 0.95);
    close(k.coefficient(), 0.13227124597847204);
    close(k.pValue(), 0.00556996634242402);
    close(k.ciLow(), 0.040482037265738575);
    close(k.ciHigh(), 0.22184663969795498);
    close(textbookSpearman(tv, sales, 0.95).pValue(), 6.3792345734183345e-46);
    close(textbookKendall(tv, sales, 0.95).pValue(), 7.134710358862362e-39);
  }

  @Test
  void facebookMetricsWithMissingValuesAndHeavyTies() {
    // 'like' has one empty cell, 'share' four: n = 499 and 496 pairs.
    String fb = "facebook/dataset_Facebook_rsw0_withType.csv";
    double[] like = PublicData.column(fb, "like");
    double[] category = PublicData.column(fb, "Category");
    CorrelationResult p = textbookPearson(category, like, 0.95);
    assertThat(p.n()).isEqualTo(499);
    close(p.coefficient(), 0.12678628156041893);
    close(p.pValue(), 0.004560481461936771);
    CorrelationResult s = textbookSpearman(category, like, 0.95);
    close(s.coefficient(), 0.2820641549559523);
    close(s.pValue(), 1.401219695660712e-10);
    CorrelationResult k = textbookKendall(category, like, 0.95);
    close(k.coefficient(), 0.21909968383455);
    close(k.pValue(), 2.674464274865731e-10);
    CorrelationResult shares = textbookKendall(like, PublicData.column(fb, "share"), 0.95);
    assertThat(shares.n()).isEqualTo(496);
    close(shares.coefficient(), 0.6672961788391204);
    close(shares.pValue(), 5.591911389923583e-107);
  }

  @Test
  void kaggleHssWithMissingValues() {
    String hss = "kaggle_hss/Dummy Data HSS.csv";
    CorrelationResult r =
        textbookPearson(
            PublicData.column(hss, "Social_Media"), PublicData.column(hss, "Sales"), 0.95);
    assertThat(r.n()).isEqualTo(4560);
    close(r.coefficient(), 0.5289060026443418);
    CorrelationResult k =
        textbookKendall(
            PublicData.column(hss, "Social_Media"), PublicData.column(hss, "Sales"), 0.95);
    close(k.coefficient(), 0.3633453011779284);
    close(k.pValue(), 2.694920468833204e-296);
  }

  @Test
  void degenerateInputsGiveANoteNotAnException() {
    double nan = Double.NaN;
    assertThat(Correlation.pearson(new double[0], new double[0], 0.95).note())
        .isEqualTo("no values");
    assertThat(Correlation.pearson(new double[] {1, 2}, new double[] {2, 3}, 0.95).note())
        .isEqualTo("fewer than 3 pairs");
    CorrelationResult constant =
        Correlation.spearman(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 0.95);
    assertThat(constant.note()).isEqualTo("constant series");
    assertThat(constant.coefficient()).isNaN();
    assertThat(
            Correlation.kendall(new double[] {nan, nan, nan}, new double[] {1, 2, 3}, 0.95).note())
        .isEqualTo("no pairs with both values");
    CorrelationResult single = Correlation.pearson(new double[] {1}, new double[] {5}, 0.95);
    assertThat(single.n()).isEqualTo(1);
    assertThat(single.note()).isEqualTo("fewer than 3 pairs");
  }

  @Test
  void perfectCorrelationHasZeroPAndAClosedInterval() {
    CorrelationResult r =
        Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10}, 0.95);
    assertThat(r.coefficient()).isEqualTo(1.0);
    assertThat(r.pValue()).isEqualTo(0.0);
    assertThat(r.ciLow()).isEqualTo(1.0);
  }

  /** A ±1 random walk from java.util.Random(seed).nextBoolean(), or its steps. */
  static double[] walk(long seed, int n, boolean cumulative) {
    java.util.Random random = new java.util.Random(seed);
    double[] v = new double[n];
    double level = 0;
    for (int i = 0; i < n; i++) {
      double step = random.nextBoolean() ? 1 : -1;
      level += step;
      v[i] = cumulative ? level : step;
    }
    return v;
  }

  // The Python side replays java.util.Random's LCG: seed = (seed ^ 0x5DEECE66D) & (2**48 - 1);
  // next bit: seed = (seed * 0x5DEECE66D + 0xB) & (2**48 - 1), bit = seed >> 47; step = +1 if bit.
  // x = cumsum(steps(3, 200)), y = cumsum(steps(103, 200)); neff() as in EffectiveSizeTest;
  // p = 2 * stats.t.sf(abs(r) * sqrt((neff - 2) / (1 - r**2)), neff - 2).

  @Test
  void independentRandomWalksAreNotSignificant() {
    double[] x = walk(3, 200, true);
    double[] y = walk(103, 200, true);
    // stats.pearsonr(x, y): r = 0.7376295656300924, p = 1.2934714730695064e-35.
    CorrelationResult naive = textbookPearson(x, y, 0.95);
    close(naive.coefficient(), 0.7376295656300924);
    close(naive.pValue(), 1.2934714730695064e-35);
    CorrelationResult honest = Correlation.pearson(x, y, 0.95);
    assertThat(honest.n()).isEqualTo(200);
    close(honest.coefficient(), 0.7376295656300924);
    // neff = 5.586500255258733, p = 0.1153802811701337.
    close(honest.nEffective(), 5.586500255258733);
    close(honest.pValue(), 0.1153802811701337);
    assertThat(honest.pValue()).isGreaterThan(0.05);
    assertThat(honest.note()).isNull();
  }

  @Test
  void whiteNoiseKeepsItsPValue() {
    double[] x = walk(3, 200, false);
    double[] y = walk(103, 200, false);
    // stats.pearsonr(x, y): r = 0.13008226848096882, p = 0.06636968910607083;
    // neff = 198.11968667056902, adjusted p = 0.06767596609355883.
    close(textbookPearson(x, y, 0.95).pValue(), 0.06636968910607083);
    CorrelationResult honest = Correlation.pearson(x, y, 0.95);
    close(honest.nEffective(), 198.11968667056902);
    close(honest.pValue(), 0.06767596609355883);
    assertThat(honest.pValue()).isCloseTo(0.06636968910607083, within(0.002));
  }

  @Test
  void adjustedTestsOnRobynWeeklyData() {
    // x = facebook_S, y = revenue (208 weeks); neff as in EffectiveSizeTest, z975 = norm.ppf(.975):
    // pearson: t = r sqrt((ne-2)/(1-r^2)), p = 2 t.sf(|t|, ne-2), CI tanh(atanh r +-
    // z975/sqrt(ne-3))
    // spearman: the same on ranks with ne of the ranks, CI se sqrt((1 + rho^2/2)/(ne-3))
    // kendall: z = norm.isf(kendalltau(x, y, method='asymptotic').pvalue / 2),
    //   p = 2 norm.sf(z sqrt(ne/N)), CI se sqrt(0.437/(ne-4)), ne of the ranks
    double[] x = PublicData.column("robyn/dt_simulated_weekly.csv", "facebook_S");
    double[] y = PublicData.column("robyn/dt_simulated_weekly.csv", "revenue");
    CorrelationResult p = Correlation.pearson(x, y, 0.95);
    assertThat(p.n()).isEqualTo(208);
    close(p.nEffective(), 67.12943243753338);
    close(p.coefficient(), 0.31759429679170836);
    close(p.pValue(), 0.00875421817170205);
    close(p.ciLow(), 0.08402254344767143);
    close(p.ciHigh(), 0.5180841101849816);
    CorrelationResult s = Correlation.spearman(x, y, 0.95);
    close(s.nEffective(), 42.898231713248215);
    close(s.coefficient(), 0.39916940540496076);
    close(s.pValue(), 0.008089969862759972);
    close(s.ciLow(), 0.09991021153928231);
    close(s.ciHigh(), 0.6322024012084005);
    CorrelationResult k = Correlation.kendall(x, y, 0.95);
    close(k.nEffective(), 42.898231713248215);
    close(k.coefficient(), 0.2982169082804039);
    // Unadjusted: kendalltau(method='asymptotic').pvalue = 3.452280719533495e-09.
    close(textbookKendall(x, y, 0.95).pValue(), 3.452280719533495e-09);
    close(k.pValue(), 0.007290448852544112);
    close(k.ciLow(), 0.099489300611899);
    close(k.ciHigh(), 0.474066811948123);
    assertThat(textbookPearson(x, y, 0.95).nEffective()).isNaN();
  }

  @Test
  void tooFewEffectivelyIndependentWindowsGivePOne() {
    // Period-2 series: neff = 2.742125597537817 < 3; stats.pearsonr: r = 0.9522165814091076,
    // p = 0.012448360615115193 as if the 5 windows were independent.
    double[] x = {1, 0, 1, 0, 1};
    double[] y = {5, 1, 4, 0, 6};
    CorrelationResult r = Correlation.pearson(x, y, 0.95);
    close(r.coefficient(), 0.9522165814091076);
    close(textbookPearson(x, y, 0.95).pValue(), 0.012448360615115193);
    close(r.nEffective(), 2.742125597537817);
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.ciLow()).isNaN();
    assertThat(r.note()).isEqualTo("too few effectively independent windows (N* = 2.7)");
  }

  @Test
  void smallSamplesGetExactPValues() {
    // stats.permutation_test(([1,2,3], [1,2,3]), lambda a, b: stats.spearmanr(a, b).statistic,
    //   permutation_type='pairings', n_resamples=np.inf).pvalue = 0.3333333333333333
    // stats.kendalltau([1,2,3], [1,2,3]).pvalue (method='auto': exact) = 0.3333333333333333
    double[] three = {1, 2, 3};
    close(Correlation.spearman(three, three, 0.95).pValue(), 1.0 / 3);
    close(Correlation.kendall(three, three, 0.95).pValue(), 1.0 / 3);
    assertThat(textbookSpearman(three, three, 0.95).pValue()).isEqualTo(0.0);
    // n = 5, y = 2x: permutation_test as above = 0.016666666666666666 (2/5!), kendalltau exact
    // the same. Kendall's adjusted asymptotic p is larger, and wins: neff of the ranks =
    // 3.9808917197452223, z = norm.isf(kendalltau(method='asymptotic').pvalue / 2),
    // 2 norm.sf(z sqrt(neff/5)) = 0.02884115220078039.
    double[] five = {1, 2, 3, 4, 5};
    double[] twice = {2, 4, 6, 8, 10};
    close(Correlation.spearman(five, twice, 0.95).pValue(), 0.016666666666666666);
    close(Correlation.kendall(five, twice, 0.95).pValue(), 0.02884115220078039);
    // Pearson has no exact variant: r = 1 stays p = 0 (the t test is exact under normality).
    assertThat(Correlation.pearson(five, twice, 0.95).pValue()).isEqualTo(0.0);
    // n = 9: own enumeration of the 9! pairings (|rho| >= |rho_obs| - 1e-12) = 0.01382826278659612;
    // stats.spearmanr(x, y).pvalue = 0.009627924725379839 (t approximation, too small).
    double[] x9 = {0.3, 1.2, -0.5, 2.2, 0.9, 1.7, -1.1, 0.1, 2.9};
    double[] y9 = {1.0, 2.5, 0.2, 1.9, 0.4, 3.1, -0.7, 1.3, 2.0};
    close(SpearmanExact.pValue(Correlation.ranks(x9), Correlation.ranks(y9)), 0.01382826278659612);
    assertThat(Correlation.spearman(x9, y9, 0.95).pValue())
        .isGreaterThanOrEqualTo(0.01382826278659612);
    close(textbookSpearman(x9, y9, 0.95).pValue(), 0.009627924725379839);
  }

  @Test
  void exactSpearmanWithTies() {
    // x = [3,1,4,1,5,9,2], y = [2,7,1,8,2,8,1]: spearmanr = -0.08334762598987158; enumeration of
    // the 7! pairings of the average ranks: 0.8571428571428571.
    double[] x = {3, 1, 4, 1, 5, 9, 2};
    double[] y = {2, 7, 1, 8, 2, 8, 1};
    close(SpearmanExact.pValue(Correlation.ranks(x), Correlation.ranks(y)), 0.8571428571428571);
    CorrelationResult r = Correlation.spearman(x, y, 0.95);
    close(r.coefficient(), -0.08334762598987158);
    assertThat(r.pValue()).isGreaterThanOrEqualTo(0.8571428571428571);
  }

  @Test
  void exactKendallAsScipyAuto() {
    // stats.kendalltau(a, b) (method='auto'):
    double[] a10 = {4, 7, 1, 9, 3, 10, 2, 6, 8, 5};
    double[] b10 = {3, 9, 2, 10, 1, 8, 4, 5, 7, 6};
    KendallTau k10 = KendallTau.of(a10, b10);
    assertThat(k10.exactApplies()).isTrue();
    close(k10.tau(), 0.6888888888888888);
    close(k10.exactP(), 0.00468694885361552); // asymptotic: 0.005558919627070556
    // b33 = argsort(np.random.default_rng(1).random(33)) + 1 against 1..33
    double[] a33 = new double[33];
    for (int i = 0; i < 33; i++) {
      a33[i] = i + 1;
    }
    double[] b33 = {
      10, 32, 17, 3, 29, 19, 20, 28, 22, 15, 5, 13, 18, 8, 6, 16, 23, 1, 31, 12, 27, 9, 33, 26, 21,
      11, 14, 7, 4, 2, 25, 30, 24
    };
    KendallTau k33 = KendallTau.of(a33, b33);
    assertThat(k33.exactApplies()).isTrue();
    close(k33.exactP(), 0.7702447556690514); // asymptotic: 0.7566459355400992
    // n = 34: asymptotic (b34 = argsort(default_rng(2).random(34)) + 1)
    double[] a34 = new double[34];
    for (int i = 0; i < 34; i++) {
      a34[i] = i + 1;
    }
    double[] b34 = {
      8, 4, 30, 29, 12, 20, 7, 31, 1, 9, 2, 25, 21, 19, 15, 13, 27, 22, 11, 5, 16, 10, 14, 33, 18,
      28, 6, 24, 3, 34, 32, 23, 26, 17
    };
    assertThat(KendallTau.of(a34, b34).exactApplies()).isFalse();
    close(textbookKendall(a34, b34, 0.95).pValue(), 0.19714561127247732);
    // n = 40 with one discordant pair (1..40 with 11 and 12 swapped): exact, 9.804939513027087e-47
    double[] a40 = new double[40];
    double[] b40 = new double[40];
    for (int i = 0; i < 40; i++) {
      a40[i] = i + 1;
      b40[i] = i + 1;
    }
    b40[10] = 12;
    b40[11] = 11;
    KendallTau k40 = KendallTau.of(a40, b40);
    assertThat(k40.exactApplies()).isTrue();
    close(k40.exactP(), 9.804939513027087e-47);
    // Ties: never exact.
    assertThat(KendallTau.of(new double[] {1, 1, 2, 3}, new double[] {1, 2, 3, 4}).exactApplies())
        .isFalse();
  }

  @Test
  void nearConstantSeriesAreConstant() {
    double[] rounding = {0.6, 0.6000000000000001, 0.6};
    double[] y = {1, 2, 3};
    assertThat(Correlation.pearson(rounding, y, 0.95).note()).isEqualTo("constant series");
    assertThat(Correlation.spearman(y, rounding, 0.95).note()).isEqualTo("constant series");
    assertThat(Correlation.kendall(rounding, y, 0.95).note()).isEqualTo("constant series");
    assertThat(Correlation.pearson(new double[] {0, 0, 0}, y, 0.95).note())
        .isEqualTo("constant series");
    // A real, small variation is not rounding.
    assertThat(Correlation.pearson(new double[] {0.6, 0.6000001, 0.6}, y, 0.95).note()).isNull();
  }

  @Test
  void evidenceNeedsTenPairs() {
    assertThat(Correlation.MIN_PAIRS_FOR_EVIDENCE).isEqualTo(10);
  }
}
