package io.socialkpi.generate;

/**
 * One generated file: its path relative to the output folder, data rows, and broken rows among
 * them.
 */
public record FileReport(String file, long rows, long brokenRows) {}
