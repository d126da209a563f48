package io.socialkpi.tables;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose own components are columns of the enclosing row, each named with this
 * prefix ({@code adj_} + {@code estimate}), instead of one struct column: how a reader groups a
 * table's {@code adj_*} columns into one value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Prefixed {
  String value();
}
