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
    // ISLR Table 3.2 / R lm(): t = 17.67 for the TV slope equals r sqrt((n-2)/(1-r^2)).
    CorrelationResult r =
        Correlation.pearson(
            PublicData.column("Advertising.csv", "TV"),
            PublicData.column("Advertising.csv", "Sales"),
            0.95);
    double t = r.coefficient() * Math.sqrt((r.n() - 2) / (1 - r.coefficient() * r.coefficient()));
    assertThat(t).isCloseTo(17.67, within(0.005));
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
    CorrelationResult p = Correlation.pearson(tv, sales, 0.95);
    close(p.coefficient(), 0.7822244248616067);
    close(p.pValue(), 1.467389700194602e-42);
    close(p.ciLow(), 0.7218200985759199);
    close(p.ciHigh(), 0.830801381831693);
    CorrelationResult p90 = Correlation.pearson(news, sales, 0.90);
    close(p90.ciLow(), 0.11469629677697639);
    close(p90.ciHigh(), 0.3360076216675347);
    CorrelationResult s = Correlation.spearman(news, sales, 0.95);
    close(s.coefficient(), 0.19492188424873094);
    close(s.pValue(), 0.0056763514217893435);
    close(s.ciLow(), 0.05642657324726768);
    close(s.ciHigh(), 0.3260573562558336);
    CorrelationResult k = Correlation.kendall(news, sales, 0.95);
    close(k.coefficient(), 0.13227124597847204);
    close(k.pValue(), 0.00556996634242402);
    close(k.ciLow(), 0.040482037265738575);
    close(k.ciHigh(), 0.22184663969795498);
    close(Correlation.spearman(tv, sales, 0.95).pValue(), 6.3792345734183345e-46);
    close(Correlation.kendall(tv, sales, 0.95).pValue(), 7.134710358862362e-39);
  }

  @Test
  void facebookMetricsWithMissingValuesAndHeavyTies() {
    // 'like' has one empty cell, 'share' four: n = 499 and 496 pairs.
    String fb = "facebook/dataset_Facebook_rsw0_withType.csv";
    double[] like = PublicData.column(fb, "like");
    double[] category = PublicData.column(fb, "Category");
    CorrelationResult p = Correlation.pearson(category, like, 0.95);
    assertThat(p.n()).isEqualTo(499);
    close(p.coefficient(), 0.12678628156041893);
    close(p.pValue(), 0.004560481461936771);
    CorrelationResult s = Correlation.spearman(category, like, 0.95);
    close(s.coefficient(), 0.2820641549559523);
    close(s.pValue(), 1.401219695660712e-10);
    CorrelationResult k = Correlation.kendall(category, like, 0.95);
    close(k.coefficient(), 0.21909968383455);
    close(k.pValue(), 2.674464274865731e-10);
    CorrelationResult shares = Correlation.kendall(like, PublicData.column(fb, "share"), 0.95);
    assertThat(shares.n()).isEqualTo(496);
    close(shares.coefficient(), 0.6672961788391204);
    close(shares.pValue(), 5.591911389923583e-107);
  }

  @Test
  void kaggleHssWithMissingValues() {
    String hss = "kaggle_hss/Dummy Data HSS.csv";
    CorrelationResult r =
        Correlation.pearson(
            PublicData.column(hss, "Social_Media"), PublicData.column(hss, "Sales"), 0.95);
    assertThat(r.n()).isEqualTo(4560);
    close(r.coefficient(), 0.5289060026443418);
    CorrelationResult k =
        Correlation.kendall(
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
}
