package io.socialkpi.tables;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A record as a Spark row, derived from the record's components so a table is defined once: the
 * schema (a column per component, in component order, named in snake_case or by {@link ColumnName};
 * a list of records is an array of structs, a record a struct, a {@link Prefixed} record its
 * components' columns), the row built from a record, and a record read back from a collected row by
 * column name. Reading by name lets a reader's record take only the columns it needs, in any order,
 * and read runs written before a column existed.
 *
 * <p>One codec per record class, built on first use in each JVM (executors too) and kept: {@code
 * RowCodec.of} is a cheap lookup, so code running in Spark tasks calls it rather than capturing a
 * codec in a serialized closure.
 */
public final class RowCodec<R extends Record> {
  private static final ClassValue<RowCodec<?>> CODECS =
      new ClassValue<>() {
        @Override
        protected RowCodec<?> computeValue(Class<?> type) {
          return new RowCodec<>(type.asSubclass(Record.class));
        }
      };

  private final Class<R> type;
  private final ComponentColumn[] components;
  private final MethodHandle constructor;
  private final StructType schema;
  private final int width;

  @SuppressWarnings("unchecked")
  public static <R extends Record> RowCodec<R> of(Class<R> type) {
    return (RowCodec<R>) CODECS.get(type);
  }

  private RowCodec(Class<R> type) {
    this.type = type;
    RecordComponent[] rc = type.getRecordComponents();
    this.components = new ComponentColumn[rc.length];
    Class<?>[] types = new Class<?>[rc.length];
    StructType s = new StructType();
    for (int i = 0; i < rc.length; i++) {
      components[i] = new ComponentColumn(rc[i]);
      types[i] = rc[i].getType();
      ComponentColumn c = components[i];
      if (c.kind == ComponentColumn.Kind.FLAT) {
        for (var f : c.nested.schema().fields()) {
          s = s.add(c.name + f.name(), f.dataType(), true);
        }
      } else {
        s = s.add(c.name, c.sparkType(), true);
      }
    }
    this.schema = s;
    this.width = s.size();
    try {
      Constructor<R> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      this.constructor =
          MethodHandles.lookup()
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, rc.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no canonical constructor of " + type, e);
    }
  }

  /** The columns, in order; every one nullable. */
  public StructType schema() {
    return schema;
  }

  /** The column names, in order. */
  public List<String> names() {
    return Arrays.asList(schema.fieldNames());
  }

  public Row encode(R record) {
    Object[] values = new Object[width];
    write(record, values, 0);
    return RowFactory.create(values);
  }

  /** A list of records as the Spark rows of a {@link #schema()} dataset. */
  public List<Row> encodeAll(List<? extends R> records) {
    List<Row> rows = new ArrayList<>(records.size());
    for (R r : records) {
      rows.add(encode(r));
    }
    return rows;
  }

  Row encodeAny(Object record) {
    return encode(type.cast(record));
  }

  private int write(Object record, Object[] out, int at) {
    for (ComponentColumn c : components) {
      Object v = record == null ? null : c.read(record);
      if (c.kind == ComponentColumn.Kind.FLAT) {
        at = c.nested.write(v, out, at);
      } else {
        out[at++] = c.toSpark(v);
      }
    }
    return at;
  }

  /** The record in a row that has a schema (a collected row, or one inside a Dataset function). */
  public R decode(Row row) {
    return decode(row, "");
  }

  private R decode(Row row, String prefix) {
    StructType rowSchema = row.schema();
    if (rowSchema == null) {
      throw new IllegalArgumentException("a row without a schema cannot be read by name");
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      ComponentColumn c = components[i];
      if (c.kind == ComponentColumn.Kind.FLAT) {
        args[i] = c.nested.decode(row, prefix + c.name);
      } else {
        Option<Object> index = rowSchema.getFieldIndex(prefix + c.name);
        Object cell = index.isDefined() ? row.get((Integer) index.get()) : null;
        args[i] = c.fromSpark(cell);
      }
    }
    try {
      return type.cast((Object) constructor.invokeExact(args));
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }
}
