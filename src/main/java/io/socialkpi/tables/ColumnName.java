package io.socialkpi.tables;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column a record component is stored as, when it is not the component's name in snake_case
 * (which {@link RowCodec} uses otherwise): a reader's shorter name for a table column.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ColumnName {
  String value();
}
