package io.socialkpi.source;

import java.io.Serializable;

/**
 * How many lines one input split of a text file holds, counted while it is read, so that a row's
 * line number can be given exactly even when a large file is read in several parallel splits.
 */
public record SplitLines(String file, long start, long lines) implements Serializable {}
