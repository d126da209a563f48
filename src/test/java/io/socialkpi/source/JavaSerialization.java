package io.socialkpi.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** An object through Java serialization and back, as Spark ships a task's objects. */
final class JavaSerialization {
  private JavaSerialization() {}

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
