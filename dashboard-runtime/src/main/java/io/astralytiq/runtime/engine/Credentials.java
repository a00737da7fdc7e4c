package io.astralytiq.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** JDBC credentials read from a mounted Secret: one directory per Secret, one file per key. */
final class Credentials {

  private Credentials() {}

  static Properties read(Path secretsDir, String secret) {
    Properties props = new Properties();
    if (secret == null) {
      return props;
    }
    Path dir = secretsDir.resolve(secret);
    try {
      props.setProperty("user", Files.readString(dir.resolve("username")).strip());
      props.setProperty("password", Files.readString(dir.resolve("password")).strip());
    } catch (IOException e) {
      throw new QueryException("cannot read the credentials of Secret '" + secret + "' under " + dir
          + " (keys username and password)", false, e);
    }
    return props;
  }
}
