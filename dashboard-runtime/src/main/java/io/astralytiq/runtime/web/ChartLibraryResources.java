package io.astralytiq.runtime.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves ECharts at a path without its version ({@code /webjars/echarts/dist/echarts.min.js}), from the mvnpm jar,
 * which keeps it under {@code _static/echarts/<version>/}; the version comes from the jar's own Maven metadata, so
 * a dependency update needs no template change.
 */
@Configuration(proxyBeanMethods = false)
class ChartLibraryResources implements WebMvcConfigurer {

  static final String PATH = "/webjars/echarts/**";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH)
        .addResourceLocations("classpath:/META-INF/resources/_static/echarts/" + version() + "/");
  }

  static String version() {
    try (InputStream in = ChartLibraryResources.class.getResourceAsStream(
        "/META-INF/maven/org.mvnpm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the ECharts jar (org.mvnpm:echarts) is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
