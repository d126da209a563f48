package io.socialkpi.tables;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One record component as a table column: its name, its Spark type, and its value both ways. The
 * accessor is looked up once per record class ({@link RowCodec} caches these), so building a row in
 * a Spark task costs a handle call and a conversion per column.
 */
final class ComponentColumn {
  enum Kind {
    STRING,
    DOUBLE,
    INT,
    LONG,
    BOOLEAN,
    DATE,
    INSTANT,
    LIST,
    STRUCT,
    FLAT
  }

  final String name;
  final Kind kind;
  final Class<?> javaType;
  final MethodHandle accessor;

  /** The element record of a list, the struct's record, or the record a prefix flattens. */
  final RowCodec<?> nested;

  ComponentColumn(RecordComponent component) {
    this.javaType = component.getType();
    Prefixed prefixed = component.getAnnotation(Prefixed.class);
    ColumnName named = component.getAnnotation(ColumnName.class);
    this.name =
        prefixed != null
            ? prefixed.value()
            : named != null ? named.value() : snakeCase(component.getName());
    this.kind = kindOf(component, prefixed != null);
    this.nested =
        switch (kind) {
          case LIST -> RowCodec.of(elementType(component));
          case STRUCT, FLAT -> RowCodec.of(javaType.asSubclass(Record.class));
          default -> null;
        };
    try {
      var method = component.getAccessor();
      // Records nested in package-private classes (the report's Facts) are read too.
      method.setAccessible(true);
      this.accessor =
          MethodHandles.lookup()
              .unreflect(method)
              .asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** {@code adjPlaceboPValue} is {@code adj_placebo_p_value}. */
  static String snakeCase(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  Object read(Object record) {
    try {
      return (Object) accessor.invokeExact(record);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + name + " of " + record, e);
    }
  }

  /**
   * Every column is nullable, primitives included: that is what the tables always had (Parquet
   * files are written nullable whatever the schema says), and a NaN double is written as null.
   */
  DataType sparkType() {
    return switch (kind) {
      case STRING -> DataTypes.StringType;
      case DOUBLE -> DataTypes.DoubleType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case INSTANT -> DataTypes.TimestampType;
      case LIST -> DataTypes.createArrayType(nested.schema());
      case STRUCT -> nested.schema();
      case FLAT -> throw new IllegalStateException("a prefixed component has several columns");
    };
  }

  /** The component's value as Spark's row holds it; NaN and infinities are no number: null. */
  Object toSpark(Object v) {
    if (v == null) {
      return null;
    }
    return switch (kind) {
      case DOUBLE -> {
        double d = (Double) v;
        yield Double.isNaN(d) || Double.isInfinite(d) ? null : v;
      }
      case DATE -> Date.valueOf((LocalDate) v);
      case INSTANT -> Timestamp.from((Instant) v);
      case LIST -> {
        List<Row> rows = new ArrayList<>();
        for (Object element : (List<?>) v) {
          // A null element stays null, not a struct of nulls that reads back as a record.
          rows.add(element == null ? null : nested.encodeAny(element));
        }
        yield CollectionConverters.asScala(rows).toSeq();
      }
      case STRUCT -> nested.encodeAny(v);
      default -> v;
    };
  }

  /**
   * A cell of a collected row as this component: null (or a column the row lacks, as in runs
   * written before it existed) is null, or NaN, 0 and false for a primitive; a boxed double reads
   * NaN as null, the way the report treats a missing number.
   */
  Object fromSpark(Object v) {
    boolean primitive = javaType.isPrimitive();
    if (v == null) {
      if (!primitive) {
        return null;
      }
      return switch (kind) {
        case DOUBLE -> Double.NaN;
        case INT -> 0;
        case LONG -> 0L;
        case BOOLEAN -> false;
        default -> throw new IllegalStateException(kind + " is never primitive");
      };
    }
    return switch (kind) {
      case STRING -> v instanceof String s ? s : String.valueOf(v);
      case DOUBLE -> {
        double d = ((Number) v).doubleValue();
        yield !primitive && Double.isNaN(d) ? null : d;
      }
      case INT -> ((Number) v).intValue();
      case LONG -> ((Number) v).longValue();
      case BOOLEAN -> (Boolean) v;
      case DATE -> v instanceof LocalDate d ? d : ((Date) v).toLocalDate();
      case INSTANT -> v instanceof Instant i ? i : ((Timestamp) v).toInstant();
      case LIST -> {
        List<?> cells =
            v instanceof scala.collection.Seq<?> seq
                ? CollectionConverters.asJava(seq)
                : (List<?>) v;
        List<Object> out = new ArrayList<>(cells.size());
        for (Object cell : cells) {
          out.add(cell == null ? null : nested.decode((Row) cell));
        }
        yield out;
      }
      case STRUCT -> nested.decode((Row) v);
      case FLAT -> throw new IllegalStateException("a prefixed component is read by its columns");
    };
  }

  private static Kind kindOf(RecordComponent c, boolean prefixed) {
    Class<?> t = c.getType();
    if (t == String.class) {
      return Kind.STRING;
    } else if (t == double.class || t == Double.class) {
      return Kind.DOUBLE;
    } else if (t == int.class || t == Integer.class) {
      return Kind.INT;
    } else if (t == long.class || t == Long.class) {
      return Kind.LONG;
    } else if (t == boolean.class || t == Boolean.class) {
      return Kind.BOOLEAN;
    } else if (t == LocalDate.class) {
      return Kind.DATE;
    } else if (t == Instant.class) {
      return Kind.INSTANT;
    } else if (t == List.class) {
      return Kind.LIST;
    } else if (Record.class.isAssignableFrom(t)) {
      return prefixed ? Kind.FLAT : Kind.STRUCT;
    }
    throw new IllegalArgumentException(
        c.getDeclaringRecord().getName() + "." + c.getName() + ": no column type for " + t);
  }

  private static Class<? extends Record> elementType(RecordComponent c) {
    if (c.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> e
        && Record.class.isAssignableFrom(e)) {
      return e.asSubclass(Record.class);
    }
    throw new IllegalArgumentException(
        c.getDeclaringRecord().getName() + "." + c.getName() + ": a list column holds records");
  }
}
