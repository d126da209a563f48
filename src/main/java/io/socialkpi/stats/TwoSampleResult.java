package io.socialkpi.stats;

import java.io.Serializable;

/**
 * Before/after comparison of one series: sizes, means, standard deviations, change, Welch's t test,
 * the confidence interval of the change, Hedges' g and a Mann–Whitney p-value. NaN means "not
 * available", and {@code note} then says why.
 */
public record TwoSampleResult(
    int nBefore,
    int nAfter,
    double meanBefore,
    double meanAfter,
    double sdBefore,
    double sdAfter,
    double absChange,
    double relChange,
    double tStat,
    double df,
    double pValue,
    double ciLow,
    double ciHigh,
    double hedgesG,
    double mannWhitneyP,
    String note)
    implements Serializable {}
