package io.socialkpi.config;

import java.io.Serializable;

/**
 * Registration of the tables in the session's catalog ({@code catalog.*}), e.g. a Hive metastore.
 *
 * @param database the database to register the tables in; null leaves the catalog alone
 */
public record CatalogSettings(String database) implements Serializable {
  public boolean enabled() {
    return database != null;
  }
}
