package io.astralytiq.runtime.access;

import io.astralytiq.runtime.RunningApp;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole runtime on a random loopback port with sign-in on, against the real provider (hack/idp), serving the
 * test dashboard: what the access ITs extend. A test class that runs without the provider fails, saying how to
 * start it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SignedInRuntime {

  protected static final Path DIR = AccessTestSetup.tempDir("signed-in-runtime");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    AccessTestSetup.signedInRuntime(registry, DIR);
  }

  @Autowired
  Environment env;

  @BeforeAll
  static void provider() {
    TestProvider.requireRunning();
  }

  protected String app(String path) {
    return new RunningApp(env).url(path);
  }
}
