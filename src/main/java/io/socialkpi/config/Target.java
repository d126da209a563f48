package io.socialkpi.config;

import java.io.Serializable;
import java.time.LocalDate;

/** The value an objective's outcome should reach by a date. */
public record Target(double value, LocalDate by) implements Serializable {}
