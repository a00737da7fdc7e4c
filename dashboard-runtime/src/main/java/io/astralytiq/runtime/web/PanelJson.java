package io.astralytiq.runtime.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.astralytiq.runtime.panels.PanelData;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A panel's data as JSON, written once per computation. The panel cache answers nearly every data request, and
 * writing the same rows out again on each one (the numbers above all) was most of what a request cost. Keyed by
 * the cached PanelData itself, by identity and weakly held: a new computation is a new object, and the JSON of one
 * the panel cache let go of goes with it.
 */
final class PanelJson {

  private final JsonMapper mapper;
  private final Cache<PanelData, byte[]> written = Caffeine.newBuilder().weakKeys().build();

  PanelJson(JsonMapper mapper) {
    this.mapper = mapper;
  }

  byte[] of(PanelData data) {
    return written.get(data, mapper::writeValueAsBytes);
  }

  /** The array of them, as the mapper would write the list. */
  byte[] of(List<PanelData> all) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(all.size() * 4096);
    out.write('[');
    for (int i = 0; i < all.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(of(all.get(i)));
    }
    out.write(']');
    return out.toByteArray();
  }
}
